package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portal forms posted from another site are refused, whatever token they carry, and the consent
 * form needs the session's CSRF token like the others; pages and redirects that carry a consent
 * state or a code tell the browser to send no referrer. Clients' own cross-site requests pass.
 */
class CrossSiteFormsTest {

  static final String CLIENTS = TestGatehouse.ONE_FACTOR_CLIENTS + """
            - client_id: 'asking'
              client_secret: '%s'
              authorization_policy: 'one_factor'
              consent_mode: 'explicit'
              redirect_uris: ['https://asking.example.com/callback']
              scopes: ['openid', 'profile']
      """.formatted(TestGatehouse.APP_SECRET_DIGEST);

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.start(directory, CLIENTS);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void aConsentAnswerWithoutTheSessionsCsrfTokenIsRefusedOnAPage() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> consent = browser.authorize(request("asking", "https://asking.example.com/callback"),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(consent.uri().getPath()).isEqualTo("/consent");
    assertThat(consent.body()).contains("name=\"_csrf\"");

    HttpResponse<String> forged = browser.postForm(consent, Map.of("decision", "accept"), Set.of("_csrf"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Location")).isEmpty();
    assertThat(forged.body()).contains("Form refused");

    HttpResponse<String> accepted = browser.submitForm(consent, Map.of("decision", "accept"));
    assertThat(accepted.headers().firstValue("Location").orElseThrow())
        .startsWith("https://asking.example.com/callback?code=");
  }

  @Test
  void aLoginPostedFromAnotherSiteIsRefusedEvenWithItsToken() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> login = browser.follow(browser.get(request("app", TestGatehouse.APP_REDIRECT)));
    Map<String, String> credentials = Map.of("username", TestGatehouse.USER, "password", TestGatehouse.PASSWORD);

    for (String[] otherSite : new String[][] {{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"},
        {"Sec-Fetch-Site", "same-site"}}) {
      HttpResponse<String> refused = browser.postForm(login, credentials, Set.of(), otherSite);
      assertThat(refused.statusCode()).as("%s: %s", otherSite[0], otherSite[1]).isEqualTo(403);
      assertThat(refused.body()).contains("Form refused");
    }
    HttpResponse<String> signedIn = browser.postForm(login, credentials, Set.of(),
        "Origin", "null", "Sec-Fetch-Site", "same-origin");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(browser.follow(signedIn).headers().firstValue("Location").orElseThrow())
        .startsWith(TestGatehouse.APP_REDIRECT + "?code=");
  }

  @Test
  void aConsentAnswerFromAnotherSiteIsRefused() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> consent = browser.authorize(request("asking", "https://asking.example.com/callback"),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    HttpResponse<String> refused = browser.postForm(consent, Map.of("decision", "accept"), Set.of(),
        "Origin", "https://asking.example.com");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void clientsMayPostAuthorizationAndEndSessionRequestsFromTheirOwnSite() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> authorization = browser.post(URI.create(gatehouse.baseUrl() + "/api/oidc/authorization"),
        Map.of("response_type", "code", "client_id", "app", "redirect_uri", TestGatehouse.APP_REDIRECT,
            "scope", "openid", "state", "posted-state-0123"), "Origin", "https://app.example.com",
        "Sec-Fetch-Site", "cross-site");
    assertThat(authorization.statusCode()).isEqualTo(302);
    assertThat(authorization.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> endSession = browser.post(URI.create(gatehouse.baseUrl() + "/api/oidc/end-session"),
        Map.of("client_id", "app"), "Origin", "https://app.example.com", "Sec-Fetch-Site", "cross-site");
    assertThat(endSession.statusCode()).isLessThan(400);
  }

  @Test
  void theAuthorizationEndpointAndTheConsentPageSendNoReferrer() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> toLogin = browser.get(request("asking", "https://asking.example.com/callback"));
    assertThat(toLogin.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    HttpResponse<String> consent = browser.authorize(request("asking", "https://asking.example.com/callback"),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(consent.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    HttpResponse<String> toClient = browser.submitForm(consent, Map.of("decision", "accept"));
    assertThat(toClient.headers().firstValue("Location").orElseThrow()).contains("code=");
    assertThat(toClient.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  private static URI request(String client, String redirectUri) {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=" + client
        + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
        + "&scope=openid%20profile&state=0123456789abcdef");
  }
}
