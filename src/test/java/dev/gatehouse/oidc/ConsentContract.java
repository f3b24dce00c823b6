package dev.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.gatehouse.testing.Race;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Consent as a user meets it, over real HTTP: the page, its Accept and Deny buttons, the remember
 * box, and what each consent mode and {@code prompt} make of them. Every test uses its own client
 * or its own scopes, since remembered consents outlive a test.
 */
abstract class ConsentContract extends EngineContract {

  private static final Duration BRIEF_MEMORY = Duration.ofSeconds(3);
  private static final String CLIENTS = """
          clients:
      """ + client("explicit", "explicit", null)
      + client("implicit", "implicit", null)
      + client("forgets", "pre-configured", "1 week")
      + client("remembers", "pre-configured", "1 week")
      + client("briefly", "pre-configured", BRIEF_MEMORY.toSeconds() + "s")
      + client("together", "pre-configured", "1 week")
      + client("bound", "pre-configured", "1 week")
      + "        audience: ['https://api.example.com', 'https://other.example.com']\n";
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

  @Override
  String clients() {
    return CLIENTS;
  }

  @Test
  void explicitAsksOnEveryAuthorization() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("explicit", "openid profile email", ""));
    assertConsentPage(page);
    assertThat(page.body())
        .contains("Client explicit")
        .contains("Sign you in", "Your name and username", "Your email address")
        .doesNotContain("name=\"remember\"")
        .doesNotContain("<script", "style=");

    String code = codeFrom(accept(browser, page, false), "explicit");
    TokenResponse tokens = TokenResponse.parse(new TokenRequest(URI.create(gatehouse.baseUrl() + "/api/oidc/token"),
        new ClientSecretBasic(new ClientID("explicit"), new Secret(TestGatehouse.APP_SECRET)),
        new AuthorizationCodeGrant(new AuthorizationCode(code), redirectOf("explicit")))
        .toHTTPRequest().send());
    assertThat(tokens.indicatesSuccess()).isTrue();
    assertThat(tokens.toSuccessResponse().getTokens().getAccessToken().getScope().toStringList())
        .containsExactlyInAnyOrder("openid", "profile", "email");

    assertConsentPage(browser.authorize(authorization("explicit", "openid profile email", ""), null, null));
  }

  @Test
  void implicitNeverAsks() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    codeFrom(signIn(browser, authorization("implicit", "openid profile email", "")), "implicit");
    codeFrom(browser.authorize(authorization("implicit", "openid profile email", ""), null, null), "implicit");
  }

  @Test
  void promptConsentAsksEvenAnImplicitClient() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("implicit", "openid profile", "&prompt=consent"));
    assertConsentPage(page);
    codeFrom(accept(browser, page, false), "implicit");
  }

  @Test
  void promptNoneWhereConsentIsNeededIsConsentRequired() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    codeFrom(signIn(browser, authorization("implicit", "openid", "")), "implicit");
    HttpResponse<String> answer = browser.authorize(authorization("explicit", "openid profile", "&prompt=none"),
        null, null);
    assertErrorRedirect(answer, "explicit", "consent_required");
  }

  @Test
  void denyIsAccessDeniedWithStateAndIssuer() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("explicit", "openid groups", ""));
    assertErrorRedirect(deny(browser, page), "explicit", "access_denied");
  }

  @Test
  void consentFormSubmittedAgainIsRefusedOnAPageNotSentToTheClient() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("explicit", "openid email", ""));
    codeFrom(accept(browser, page, false), "explicit");
    HttpResponse<String> again = accept(browser, page, false);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.headers().firstValue("Location")).isEmpty();
    assertThat(again.body()).contains("invalid_request");
  }

  /** The consent state is single-use too: eight Accepts at once (a double click, a replay) give one code. */
  @Test
  void anAcceptSubmittedEightTimesAtOnceGivesOneCode() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("explicit", "openid profile groups", ""));
    assertConsentPage(page);

    List<HttpResponse<String>> answers = Race.of(8, () -> accept(browser, page, false));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302, 400);
    assertThat(answers).filteredOn(answer -> answer.statusCode() == 302).singleElement()
        .satisfies(answer -> codeFrom(answer, "explicit"));
    assertThat(answers).filteredOn(answer -> answer.statusCode() == 400)
        .allSatisfy(answer -> assertThat(answer.headers().firstValue("Location")).isEmpty());
  }

  /** Two tabs, or two devices, remembering the same consent at once: both get their code, one consent is kept. */
  @Test
  void consentsRememberedAtOnceForOneClientAllSucceed() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    signIn(browser, authorization("together", "openid", ""));
    List<HttpResponse<String>> pages = new java.util.ArrayList<>();
    for (int tab = 0; tab < 8; tab++) {
      pages.add(browser.authorize(authorization("together", "openid email", ""), null, null));
    }
    java.util.Iterator<HttpResponse<String>> next = pages.iterator();

    List<HttpResponse<String>> answers = Race.of(8, () -> {
      HttpResponse<String> page;
      synchronized (next) {
        page = next.next();
      }
      return accept(browser, page, true);
    });

    assertThat(answers).allSatisfy(answer -> codeFrom(answer, "together"));
    codeFrom(browser.authorize(authorization("together", "openid email", "&prompt=none"), null, null), "together");
  }

  @Test
  void preConfiguredWithoutRememberAsksAgain() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("forgets", "openid profile", ""));
    assertThat(page.body()).contains("name=\"remember\"").contains("Remember this for <span>1 week</span>");
    codeFrom(accept(browser, page, false), "forgets");
    assertConsentPage(browser.authorize(authorization("forgets", "openid profile", ""), null, null));
  }

  @Test
  void rememberedConsentCoversExactlyItsScopes() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    codeFrom(accept(browser, signIn(browser, authorization("remembers", "openid profile", "")), true), "remembers");

    // Remembered for the user, not the session: a new sign-in is not asked either, even with prompt=none.
    UserAgent later = new UserAgent(gatehouse.baseUrl());
    codeFrom(signIn(later, authorization("remembers", "openid profile", "")), "remembers");
    codeFrom(later.authorize(authorization("remembers", "openid profile", "&prompt=none"), null, null),
        "remembers");

    HttpResponse<String> more = later.authorize(authorization("remembers", "openid profile email", ""), null, null);
    assertConsentPage(more);
    // Refusing more must not quietly grant what was remembered.
    assertErrorRedirect(deny(later, more), "remembers", "access_denied");
  }

  @Test
  void rememberedConsentCoversExactlyItsAudienceAndRequestedClaims() {
    String api = "&audience=" + encode("https://api.example.com");
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    codeFrom(accept(browser, signIn(browser, authorization("bound", "openid email", api)), true), "bound");
    codeFrom(browser.authorize(authorization("bound", "openid email", api), null, null), "bound");

    assertConsentPage(browser.authorize(authorization("bound", "openid email", ""), null, null));
    assertConsentPage(browser.authorize(authorization("bound", "openid email",
        "&audience=" + encode("https://other.example.com")), null, null));
    assertConsentPage(browser.authorize(authorization("bound", "openid email",
        api + "&claims=" + encode("{\"id_token\":{\"email\":null}}")), null, null));
  }

  @Test
  void theConsentPageNamesTheClaimsEachScopeReleases() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = signIn(browser, authorization("explicit", "openid email groups", ""));

    assertConsentPage(page);
    assertThat(page.body().replaceAll("<[^>]+>", "").replaceAll("\\s+", " "))
        .contains("Your email address email The application learns: email, email_verified")
        .contains("Your group memberships groups The application learns: groups");
  }

  @Test
  void rememberedConsentExpires() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    codeFrom(accept(browser, signIn(browser, authorization("briefly", "openid email", "")), true), "briefly");
    codeFrom(browser.authorize(authorization("briefly", "openid email", ""), null, null), "briefly");

    Thread.sleep(BRIEF_MEMORY.plusMillis(500).toMillis());
    assertConsentPage(browser.authorize(authorization("briefly", "openid email", ""), null, null));
  }

  private static String client(String id, String mode, String duration) {
    return """
              - client_id: '%s'
                client_name: 'Client %s'
                client_secret: '%s'
                authorization_policy: 'one_factor'
                consent_mode: '%s'
                redirect_uris: ['%s']
                scopes: ['openid', 'profile', 'email', 'groups']
                %s
        """.formatted(id, id, TestGatehouse.APP_SECRET_DIGEST, mode, redirectOf(id),
        duration == null ? "" : "pre_configured_consent_duration: '" + duration + "'");
  }

  private static URI redirectOf(String client) {
    return URI.create("https://" + client + ".example.com/callback");
  }

  private URI authorization(String client, String scope, String extraParameters) {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=" + client
        + "&redirect_uri=" + encode(redirectOf(client).toString()) + "&scope=" + encode(scope)
        + "&state=state-of-" + client + extraParameters);
  }

  private static HttpResponse<String> signIn(UserAgent browser, URI authorization) {
    return browser.authorize(authorization, TestGatehouse.USER, TestGatehouse.PASSWORD);
  }

  private static HttpResponse<String> accept(UserAgent browser, HttpResponse<String> page, boolean remember) {
    return browser.submitForm(page, remember
        ? Map.of("decision", "accept", "remember", "true")
        : Map.of("decision", "accept"));
  }

  private static HttpResponse<String> deny(UserAgent browser, HttpResponse<String> page) {
    return browser.submitForm(page, Map.of("decision", "deny"));
  }

  private static void assertConsentPage(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.uri().getPath()).isEqualTo("/consent");
    assertThat(response.body()).contains("name=\"decision\"");
  }

  /** The code of a successful redirect to {@code client}, which also carries its state and Gatehouse's iss. */
  private String codeFrom(HttpResponse<String> response, String client) {
    String location = redirectTo(response, client);
    assertThat(location).contains("state=state-of-" + client).contains("iss=" + encode(gatehouse.baseUrl()));
    Matcher code = CODE.matcher(location);
    assertThat(code.find()).as(location).isTrue();
    return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
  }

  private void assertErrorRedirect(HttpResponse<String> response, String client, String error) {
    assertThat(redirectTo(response, client))
        .contains("error=" + error)
        .contains("state=state-of-" + client)
        .contains("iss=" + encode(gatehouse.baseUrl()))
        .doesNotContain("code=");
  }

  private static String redirectTo(HttpResponse<String> response, String client) {
    assertThat(response.statusCode()).as(response.uri() + "\n" + response.body()).isEqualTo(302);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirectOf(client) + "?");
    return location;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
