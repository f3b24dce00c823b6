package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_POST_LOGOUT_REDIRECT;
import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static dev.gatehouse.testing.TestGatehouse.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RP-initiated logout over real HTTP, in every form LibreChat sends it (none, one or several of
 * {@code id_token_hint}, {@code post_logout_redirect_uri}, {@code logout_hint}, {@code client_id}),
 * by GET and by POST. A valid request always ends the session, which the authorization endpoint
 * then shows by sending the user to the login page; the browser goes back to the application only
 * to a post-logout URI registered for it. A request that cannot be trusted ends nothing.
 */
class EndSessionTest {

  private static final ClientID APP = new ClientID("app");
  private static final ClientID BRIEF = new ClientID("brief");
  private static final String BRIEF_REDIRECT = "https://brief.example.com/callback";
  private static final String BRIEF_POST_LOGOUT_REDIRECT = "https://brief.example.com/bye";

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static OIDCProviderMetadata provider;

  @BeforeAll
  static void start() throws Exception {
    String clients = """
            lifespans:
              custom:
                brief:
                  id_token: '1s'
        """ + TestGatehouse.ONE_FACTOR_CLIENTS + """
              - client_id: 'brief'
                client_secret: '%s'
                authorization_policy: 'one_factor'
                consent_mode: 'implicit'
                lifespan: 'brief'
                redirect_uris: ['%s']
                post_logout_redirect_uris: ['%s']
                scopes: ['openid']
        """.formatted(TestGatehouse.APP_SECRET_DIGEST, BRIEF_REDIRECT, BRIEF_POST_LOGOUT_REDIRECT);
    gatehouse = TestGatehouse.start(directory, clients);
    provider = OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl()));
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void discoveryAdvertisesTheEndpoint() {
    assertThat(provider.getEndSessionEndpointURI()).hasToString(gatehouse.baseUrl() + "/api/oidc/end-session");
  }

  /** LibreChat v0.7.7 to v0.8.2: the bare endpoint. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void nothingAtAllEndsTheSessionOnTheSignedOutPage(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), method, new LogoutRequest(endpoint()));

    assertSignedOutPage(user.browser(), response);
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  /** LibreChat v0.8.3 and later, when the URL stays short. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void idTokenHintAndRegisteredRedirectReturnToTheApplication(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), method,
        new LogoutRequest(endpoint(), user.idToken(), URI.create(APP_POST_LOGOUT_REDIRECT), null));

    assertRedirect(response, APP_POST_LOGOUT_REDIRECT);
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void stateIsReturnedWithTheRedirect(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), method,
        new LogoutRequest(endpoint(), user.idToken(), URI.create(APP_POST_LOGOUT_REDIRECT), new State("a b&c=d")));

    assertRedirect(response, APP_POST_LOGOUT_REDIRECT + "?state=a%20b%26c%3Dd");
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  /** LibreChat v0.8.4 and later, when the id_token would make the URL too long. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void logoutHintAndClientIdReturnToTheApplication(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), method, new LogoutRequest(endpoint(), null,
        "john@example.com", APP, URI.create(APP_POST_LOGOUT_REDIRECT), null, null));

    assertRedirect(response, APP_POST_LOGOUT_REDIRECT);
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  /** LibreChat v0.8.3 and later, without an id_token. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void clientIdAloneEndsTheSessionOnTheSignedOutPage(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), method,
        new LogoutRequest(endpoint(), null, null, APP, null, null, null));

    assertSignedOutPage(user.browser(), response);
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  @Test
  void unregisteredRedirectIsNeverFollowedButTheSessionEnds() throws Exception {
    for (String redirect : List.of(APP_POST_LOGOUT_REDIRECT + "/", APP_POST_LOGOUT_REDIRECT + "?x=1",
        "https://APP.example.com/logged-out", "https://evil.example.com/logged-out", APP_REDIRECT,
        BRIEF_POST_LOGOUT_REDIRECT)) {
      SignedIn user = signIn(APP, APP_REDIRECT);

      HttpResponse<String> response = endSession(user.browser(), "GET",
          new LogoutRequest(endpoint(), user.idToken(), URI.create(redirect), new State()));

      assertSignedOutPage(user.browser(), response);
      assertThat(isSignedIn(user.browser())).as(redirect).isFalse();
    }
  }

  @Test
  void redirectRegisteredForAnotherClientIsNotFollowed() throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), "GET", new LogoutRequest(endpoint(), null, null,
        new ClientID("other"), URI.create(APP_POST_LOGOUT_REDIRECT), null, null));

    assertSignedOutPage(user.browser(), response);
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  @Test
  void redirectWithoutAnyClientIsNotFollowed() throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = user.browser().get(URI.create(endpoint()
        + "?post_logout_redirect_uri=" + APP_POST_LOGOUT_REDIRECT));

    assertSignedOutPage(user.browser(), response);
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void idTokenHintSignedWithAnotherKeyIsRefusedAndTheSessionKept(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);
    SignedJWT genuine = (SignedJWT) user.idToken();
    // The same header, kid included, and the same claims: only the key differs.
    SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    HttpResponse<String> response = endSession(user.browser(), method,
        new LogoutRequest(endpoint(), forged, URI.create(APP_POST_LOGOUT_REDIRECT), new State()));

    assertRefused(response);
    assertThat(isSignedIn(user.browser())).isTrue();
  }

  @Test
  void alteredOrMalformedIdTokenHintIsRefused() throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);
    String[] parts = user.idToken().serialize().split("\\.");
    String otherClaims = Base64URL.encode(new JWTClaimsSet.Builder(user.idToken().getJWTClaimsSet())
        .subject("someone-else").build().toString()).toString();
    for (String hint : List.of(parts[0] + "." + otherClaims + "." + parts[2], "not-a-jwt",
        parts[0] + "." + parts[1] + ".")) {
      HttpResponse<String> response = user.browser().get(URI.create(endpoint() + "?id_token_hint=" + hint));

      assertRefused(response);
      assertThat(isSignedIn(user.browser())).as(hint).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void clientIdOtherThanTheHintsAudienceIsRefused(String method) throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = endSession(user.browser(), method, new LogoutRequest(endpoint(),
        user.idToken(), null, new ClientID("other"), URI.create(APP_POST_LOGOUT_REDIRECT), null, null));

    assertRefused(response);
    assertThat(isSignedIn(user.browser())).isTrue();
  }

  @Test
  void parameterGivenTwiceIsRefused() throws Exception {
    SignedIn user = signIn(APP, APP_REDIRECT);

    HttpResponse<String> response = user.browser().get(URI.create(endpoint() + "?client_id=app&client_id=other"));

    assertRefused(response);
    assertThat(isSignedIn(user.browser())).isTrue();
  }

  @Test
  void expiredIdTokenIsStillAGoodHint() throws Exception {
    SignedIn user = signIn(BRIEF, BRIEF_REDIRECT);
    Thread.sleep(1_500);
    assertThat(user.idToken().getJWTClaimsSet().getExpirationTime()).isInThePast();

    HttpResponse<String> response = endSession(user.browser(), "GET",
        new LogoutRequest(endpoint(), user.idToken(), URI.create(BRIEF_POST_LOGOUT_REDIRECT), null));

    assertRedirect(response, BRIEF_POST_LOGOUT_REDIRECT);
  }

  @Test
  void withoutASessionTheAnswersAreTheSame() throws Exception {
    JWT idToken = signIn(APP, APP_REDIRECT).idToken();
    UserAgent stranger = new UserAgent(gatehouse.baseUrl());

    assertRedirect(endSession(stranger, "GET",
        new LogoutRequest(endpoint(), idToken, URI.create(APP_POST_LOGOUT_REDIRECT), null)), APP_POST_LOGOUT_REDIRECT);
    assertSignedOutPage(stranger, endSession(stranger, "POST", new LogoutRequest(endpoint())));
  }

  @Test
  void portalSignOutLandsOnTheSameSignedOutPage() {
    SignedIn user = signIn(APP, APP_REDIRECT);
    HttpResponse<String> home = user.browser().get(URI.create(gatehouse.baseUrl() + "/"));

    HttpResponse<String> page = user.browser().submit(home, "/logout", Map.of());

    assertThat(page.uri()).hasToString(gatehouse.baseUrl() + "/signed-out");
    assertThat(page.body()).contains("You have been signed out");
    assertThat(isSignedIn(user.browser())).isFalse();
  }

  private record SignedIn(UserAgent browser, JWT idToken) {
  }

  private static SignedIn signIn(ClientID client, String redirectUri) {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> redirect = browser.authorize(authorizationRequest(client, redirectUri),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    try {
      var code = AuthenticationResponseParser.parse(URI.create(location(redirect)))
          .toSuccessResponse().getAuthorizationCode();
      TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
          new ClientSecretBasic(client, new Secret(APP_SECRET)),
          new AuthorizationCodeGrant(code, URI.create(redirectUri))).toHTTPRequest().send());
      return new SignedIn(browser, ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken());
    } catch (Exception e) {
      throw new AssertionError("sign-in failed", e);
    }
  }

  /** Whether the authorization endpoint issues a code straight away rather than asking to log in. */
  private static boolean isSignedIn(UserAgent browser) {
    String location = location(browser.get(authorizationRequest(APP, APP_REDIRECT)));
    if (location.startsWith(APP_REDIRECT + "?code=")) {
      return true;
    }
    assertThat(location).isEqualTo(gatehouse.baseUrl() + "/login");
    return false;
  }

  private static URI authorizationRequest(ClientID client, String redirectUri) {
    return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), client, URI.create(redirectUri))
        .endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).build().toURI();
  }

  private static HttpResponse<String> endSession(UserAgent browser, String method, LogoutRequest request) {
    if ("GET".equals(method)) {
      return browser.get(request.toURI());
    }
    Map<String, String> form = request.toParameters().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, parameter -> parameter.getValue().get(0)));
    return browser.post(endpoint(), form);
  }

  private static URI endpoint() {
    return provider.getEndSessionEndpointURI();
  }

  private static void assertRedirect(HttpResponse<String> response, String expected) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    assertThat(location(response)).isEqualTo(expected);
  }

  private static void assertSignedOutPage(UserAgent browser, HttpResponse<String> response) {
    assertRedirect(response, gatehouse.baseUrl() + "/signed-out");
    HttpResponse<String> page = browser.get(URI.create(location(response)));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("You have been signed out");
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).contains("This sign-out request was refused", "invalid_request")
        .doesNotContain("Exception");
  }

  private static String location(HttpResponse<String> response) {
    return response.uri().resolve(response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body())))
        .toString();
  }
}
