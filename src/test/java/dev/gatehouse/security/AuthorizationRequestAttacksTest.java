package dev.gatehouse.security;

import static dev.gatehouse.security.OAuthCalls.Client.APP;
import static dev.gatehouse.security.OAuthCalls.Client.OTHER;
import static dev.gatehouse.security.OAuthCalls.encode;
import static dev.gatehouse.security.OAuthCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks through the authorization request: on the code, its redirect, PKCE, and guessable
 * {@code state} or {@code nonce} values. Also covered, in
 * {@code oidc.MalformedRequestsTest}: a code used twice (RFC 6749 section 4.1.2, RFC 9700
 * section 4.5) in {@code reusedCodeFailsAndRevokesWhatTheFirstUseIssued}; a code redeemed by
 * another client or with another redirect URI in {@code codeIsBoundToClientAndRedirectUri}; and
 * the redirect URI variants path traversal, extra query, host case, suffix, userinfo part and
 * another host in {@code unregisteredRedirectUriIsNeverFollowed} (RFC 9700 section 4.1).
 */
class AuthorizationRequestAttacksTest extends OneFactorGatehouseTest {

  private static final String VERIFIER = "a-code-verifier-of-forty-three-characters-or-more-0123456789";

  @Test
  @DisplayName("RFC 9700 §4.5, RFC 6749 §4.1.3: a code injected into another client's token request is refused"
      + " and is then worthless to its own client too")
  void codeInjectedAcrossClientsIsRefusedAndBurnt() {
    String code = calls.code(APP, "");
    assertError(calls.redeem(OTHER, code, Map.of()), "invalid_grant");
    assertError(calls.redeem(APP, code, Map.of()), "invalid_grant");
  }

  @ParameterizedTest(name = "RFC 9700 §4.1, RFC 6749 §3.1.2.3: redirect_uri {0} is not the registered one")
  @ValueSource(strings = {
      "https://app.example.com/oauth/callback#fragment",
      "https://app.example.com/OAuth/callback",
      "https://app.example.com/oauth/callback/",
      "https://app.example.com/oauth/./callback",
      "https://app.example.com/oauth%2Fcallback",
      "https://app.example.com:443/oauth/callback",
      "http://app.example.com/oauth/callback",
      "https://app.example.com.evil.example/oauth/callback"})
  void redirectUriVariantIsNeverFollowed(String redirectUri) {
    HttpResponse<String> response = calls.get("/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + encode(redirectUri) + "&scope=openid&state=0123456789abcdef");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  @DisplayName("RFC 9700 §4.8, RFC 7636 §4.6: a code issued for a PKCE challenge is refused without its verifier"
      + " or with another one")
  void challengedCodeNeedsItsVerifier() {
    String challenge = "&code_challenge=" + s256(VERIFIER) + "&code_challenge_method=S256";
    assertError(calls.redeem(APP, calls.code(APP, challenge), Map.of()), "invalid_grant");
    assertError(calls.redeem(APP, calls.code(APP, challenge), Map.of("code_verifier", VERIFIER + "x")),
        "invalid_grant");
    assertThat(calls.redeem(APP, calls.code(APP, challenge), Map.of("code_verifier", VERIFIER)).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("RFC 9700 §4.8.2: a code issued without a PKCE challenge is refused when a verifier comes with it")
  void unchallengedCodeWithAVerifierIsRefused() {
    assertError(calls.redeem(APP, calls.code(APP, ""), Map.of("code_verifier", VERIFIER)), "invalid_grant");
  }

  @Test
  @DisplayName("RFC 6749 §10.12, RFC 6819 §4.4.1.8: a missing or short state is refused with invalid_request,"
      + " at the client's redirect URI")
  void guessableStateIsRefused() {
    String missing = redirectedError(authorize("&state=").headers().firstValue("Location").orElseThrow());
    assertThat(missing).contains("error=invalid_request").doesNotContain("state=");
    String shortState = authorize("&state=1234567").headers().firstValue("Location").orElseThrow();
    assertThat(redirectedError(shortState)).contains("error=invalid_request").contains("state=1234567")
        .contains("Request parameter 'state' must be at least 8 characters long");
    assertThat(authorize("&state=12345678").headers().firstValue("Location").orElseThrow())
        .as("8 characters are enough").endsWith("/login");
  }

  @Test
  @DisplayName("OpenID Connect Core §3.1.2.1, §15.5.2: a nonce shorter than minimum_parameter_entropy is refused")
  void guessableNonceIsRefused() {
    String location = authorize("&state=0123456789abcdef&nonce=1234567").headers().firstValue("Location")
        .orElseThrow();
    assertThat(redirectedError(location)).contains("error=invalid_request")
        .contains("Parameter 'nonce' is set but does not satisfy the minimum entropy of 8 characters.");
    assertThat(authorize("&state=0123456789abcdef&nonce=12345678").headers().firstValue("Location").orElseThrow())
        .endsWith("/login");
  }

  @Test
  @DisplayName("RFC 6749 §4.1.2.1: a short state with an unregistered redirect URI is shown, never redirected")
  void guessableStateWithAnUnknownRedirectIsAnErrorPage() {
    HttpResponse<String> response = calls.get("/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + encode("https://evil.example.com/cb") + "&scope=openid&state=s");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  private static HttpResponse<String> authorize(String stateAndNonce) {
    return calls.get("/api/oidc/authorization?response_type=code&client_id=app&redirect_uri="
        + encode(APP.redirectUri()) + "&scope=openid" + stateAndNonce);
  }

  /** The redirect back to the client, decoded. */
  private static String redirectedError(String location) {
    assertThat(location).startsWith(APP.redirectUri() + "?");
    return URLDecoder.decode(location, StandardCharsets.UTF_8);
  }

  private static void assertError(HttpResponse<String> response, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("error").asString()).isEqualTo(error);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
