package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenID Connect Core 3.1.2.1: prompt=none, prompt=login, max_age and login_hint. */
class PromptTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;

  /** John, and Alice who signs in on the same browser. */
  static final String USERS = TestGatehouse.USERS_YML + """
        alice:
          displayname: 'Alice Doe'
          password: '$plaintext$alice_password'
          email: 'alice@example.com'
      """;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS, TestGatehouse.storageLocal(directory),
        TestGatehouse.filesystemNotifier(directory), USERS);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void promptNoneWithoutASessionAnswersLoginRequiredToTheClient() {
    HttpResponse<String> response = new UserAgent(gatehouse.baseUrl()).get(request("&prompt=none"));
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(APP_REDIRECT + "?error=login_required")
        .contains("state=0123456789abcdef").contains("iss=");
  }

  @Test
  void promptNoneWithASessionIssuesACodeSilently() {
    UserAgent browser = signedInBrowser();
    assertThat(browser.get(request("&prompt=none")).headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?code=");
  }

  @Test
  void promptLoginAsksForThePasswordAgainThenIssuesACode() {
    UserAgent browser = signedInBrowser();
    HttpResponse<String> again = browser.follow(browser.get(request("&prompt=login")));
    assertThat(again.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> back = browser.follow(browser.submitLogin(again.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
    HttpResponse<String> later = browser.follow(browser.get(request("&prompt=login")));
    assertThat(later.uri().getPath()).as("each prompt=login asks again").isEqualTo("/login");
  }

  @Test
  void maxAgeOlderThanTheLoginAsksAgain() throws Exception {
    UserAgent browser = signedInBrowser();
    assertThat(browser.get(request("&max_age=60")).headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?code=");
    Thread.sleep(2_100);
    assertThat(browser.follow(browser.get(request("&max_age=1"))).uri().getPath()).isEqualTo("/login");
  }

  /** OpenID Connect Core 3.1.2.1: max_age=0 is prompt=login, and the login done for it satisfies it. */
  @Test
  void maxAgeZeroAsksForThePasswordOnceThenIssuesACode() {
    UserAgent browser = signedInBrowser();
    HttpResponse<String> again = browser.follow(browser.get(request("&max_age=0")));
    assertThat(again.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> back = browser.follow(browser.submitLogin(again.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
    assertThat(browser.follow(browser.get(request("&max_age=0"))).uri().getPath())
        .as("the next request with max_age=0 asks again").isEqualTo("/login");
  }

  @Test
  void maxAgeMetByALoginSlowerThanItIssuesACode() throws Exception {
    UserAgent browser = signedInBrowser();
    Thread.sleep(2_100);
    HttpResponse<String> again = browser.follow(browser.get(request("&max_age=1")));
    assertThat(again.uri().getPath()).isEqualTo("/login");
    Thread.sleep(1_100);
    HttpResponse<String> back = browser.follow(browser.submitLogin(again.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
  }

  @Test
  void promptNoneWithMaxAgeZeroIsLoginRequired() {
    UserAgent browser = signedInBrowser();
    assertThat(browser.get(request("&prompt=none&max_age=0")).headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?error=login_required");
  }

  /** OpenID Connect Core 3.1.2.2: the hinted user signed in gets a code without a prompt. */
  @Test
  void idTokenHintOfTheSignedInUserIssuesACodeSilently() throws Exception {
    UserAgent browser = signedInBrowser();
    String hint = idTokenFor(browser);
    assertThat(browser.get(request("&prompt=none&id_token_hint=" + hint)).headers().firstValue("Location")
        .orElseThrow()).startsWith(APP_REDIRECT + "?code=");
  }

  @Test
  void idTokenHintOfAnotherUserNeverGivesTheSignedInUserACode() throws Exception {
    UserAgent johns = signedInBrowser();
    String johnsHint = idTokenFor(johns);
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    assertThat(browser.authorize(request(""), "alice", "alice_password").headers().firstValue("Location")
        .orElseThrow()).startsWith(APP_REDIRECT + "?code=");

    assertThat(browser.get(request("&prompt=none&id_token_hint=" + johnsHint)).headers().firstValue("Location")
        .orElseThrow()).startsWith(APP_REDIRECT + "?error=login_required");
    HttpResponse<String> login = browser.follow(browser.get(request("&id_token_hint=" + johnsHint)));
    assertThat(login.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> sameUserAgain = browser.follow(browser.submitLogin(login.body(), "alice", "alice_password"));
    assertThat(sameUserAgain.headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?error=login_required").doesNotContain("code=");

    HttpResponse<String> hinted = browser.follow(browser.get(request("&id_token_hint=" + johnsHint)));
    HttpResponse<String> asJohn = browser.follow(browser.submitLogin(hinted.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(asJohn.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
  }

  /** OpenID Connect Core 5.5.1: a sub asked for with a value is answered only for that user. */
  @Test
  void aSubjectValueInTheClaimsParameterMustBeTheSignedInUser() throws Exception {
    UserAgent browser = signedInBrowser();
    String johnsSubject = new String(java.util.Base64.getUrlDecoder().decode(idTokenFor(browser).split("\\.")[1]),
        StandardCharsets.UTF_8).replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    assertThat(browser.get(request("&prompt=none&claims=" + URLEncoder.encode(
        "{\"id_token\":{\"sub\":{\"value\":\"" + johnsSubject + "\"}}}", StandardCharsets.UTF_8)))
        .headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
    assertThat(browser.get(request("&prompt=none&claims=" + URLEncoder.encode(
        "{\"id_token\":{\"sub\":{\"value\":\"someone-else\"}}}", StandardCharsets.UTF_8)))
        .headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?error=login_required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJqb2huIiwiYXVkIjoiYXBwIn0."})
  void idTokenHintNotIssuedByGatehouseIsNeverAcceptedSilently(String hint) {
    UserAgent browser = signedInBrowser();
    assertThat(browser.get(request("&prompt=none&id_token_hint=" + hint)).headers().firstValue("Location")
        .orElseThrow()).startsWith(APP_REDIRECT + "?error=login_required");
    assertThat(browser.follow(browser.get(request("&id_token_hint=" + hint))).uri().getPath()).isEqualTo("/login");
  }

  @Test
  void invalidMaxAgeIsAnInvalidRequest() {
    assertThat(new UserAgent(gatehouse.baseUrl()).get(request("&max_age=soon")).headers()
        .firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?error=invalid_request");
  }

  @Test
  void loginHintPrefillsTheUsername() {
    HttpResponse<String> login = new UserAgent(gatehouse.baseUrl())
        .authorize(request("&login_hint=john"), TestGatehouse.USER, "wrong password");
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = browser.follow(browser.get(request("&login_hint=john")));
    assertThat(login.body()).contains("Incorrect username or password.");
    assertThat(page.body()).contains("value=\"john\"");
  }

  @Test
  void authorizationRequestSentAsPostSurvivesTheLogin() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> login = browser.follow(browser.post(URI.create(gatehouse.baseUrl() + "/api/oidc/authorization"),
        java.util.Map.of("response_type", "code", "client_id", "app", "redirect_uri", APP_REDIRECT,
            "scope", "openid email", "state", "posted-state-0123")));
    assertThat(login.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> back = browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?code=").contains("state=posted-state-0123");
  }

  /** An ID token for the user signed in on {@code browser}, as the client holds it. */
  private static String idTokenFor(UserAgent browser) throws Exception {
    String location = browser.get(request("")).headers().firstValue("Location").orElseThrow();
    String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    HTTPResponse tokens = new TokenRequest(URI.create(gatehouse.baseUrl() + "/api/oidc/token"),
        new ClientSecretBasic(new ClientID("app"), new Secret(TestGatehouse.APP_SECRET)),
        new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(APP_REDIRECT))).toHTTPRequest().send();
    return OIDCTokenResponseParser.parse(tokens).toSuccessResponse() instanceof OIDCTokenResponse oidc
        ? oidc.getOIDCTokens().getIDTokenString() : null;
  }

  private static UserAgent signedInBrowser() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> first = browser.authorize(request(""), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(first.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
    return browser;
  }

  private static URI request(String extra) {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=openid&state=0123456789abcdef" + extra);
  }
}
