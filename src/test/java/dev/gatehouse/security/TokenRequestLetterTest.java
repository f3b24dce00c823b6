package dev.gatehouse.security;

import static dev.gatehouse.security.OAuthCalls.Client.APP;
import static dev.gatehouse.security.OAuthCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token requests by the letter of RFC 6749 section 2.3 and 5.2 (one client authentication method,
 * a Basic challenge with the 401) and RFC 7636 section 4.1 (what a code verifier may be).
 */
class TokenRequestLetterTest extends OneFactorGatehouseTest {

  static final String GOOD_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  @Test
  void basicAndABodySecretInOneRequestIsAnInvalidRequest() {
    String code = calls.code(APP, "");
    HttpResponse<String> both = calls.redeem(APP, code, Map.of("client_secret", TestGatehouse.APP_SECRET));
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(json(both).get("error").asString()).isEqualTo("invalid_request");
    assertThat(calls.redeem(APP, code, Map.of()).statusCode()).as("the code is still good").isEqualTo(200);
  }

  @Test
  void aFailedBasicAuthenticationIsChallengedWithBasic() throws Exception {
    HttpResponse<String> refused = token("grant_type=authorization_code&code=whatever&redirect_uri="
        + OAuthCalls.encode(APP.redirectUri()),
        "Authorization", "Basic " + Base64.getEncoder().encodeToString("app:wrong".getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).get("error").asString()).isEqualTo("invalid_client");
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"gatehouse\"");
  }

  @Test
  void aFailedBodyAuthenticationGetsNoBasicChallenge() throws Exception {
    HttpResponse<String> refused = token("grant_type=authorization_code&code=whatever&client_id=other"
        + "&client_secret=wrong&redirect_uri=" + OAuthCalls.encode("https://other.example.com/callback"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "a-verifier-of-exactly-forty-two-characters",
      "a verifier of fifty characters with spaces in it!!", "ççççççççççççççççççççççççççççççççççççççççççççççç"})
  void aVerifierOutsideRfc7636IsRefusedEvenWhenItMatchesItsChallenge(String verifier) throws Exception {
    String code = calls.code(APP, "&code_challenge=" + s256(verifier) + "&code_challenge_method=S256");
    HttpResponse<String> refused = calls.redeem(APP, code, Map.of("code_verifier", verifier));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void aVerifierOfRfc7636ShapeRedeemsItsCode() throws Exception {
    String code = calls.code(APP, "&code_challenge=" + s256(GOOD_VERIFIER) + "&code_challenge_method=S256");
    assertThat(calls.redeem(APP, code, Map.of("code_verifier", GOOD_VERIFIER)).statusCode()).isEqualTo(200);
  }

  @Test
  void aChallengeSentAsItsOwnVerifierIsRefused() throws Exception {
    String challenge = s256(GOOD_VERIFIER);
    String code = calls.code(APP, "&code_challenge=" + challenge + "&code_challenge_method=S256");
    HttpResponse<String> refused = calls.redeem(APP, code, Map.of("code_verifier", challenge));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void aMalformedChallengeIsRefusedBeforeTheLogin() {
    HttpResponse<String> refused = calls.get("/api/oidc/authorization?response_type=code&client_id=app&redirect_uri="
        + OAuthCalls.encode(APP.redirectUri()) + "&scope=openid&state=0123456789abcdef&code_challenge=tooshort"
        + "&code_challenge_method=S256");
    assertThat(refused.headers().firstValue("Location").orElseThrow())
        .startsWith(APP.redirectUri() + "?error=invalid_request").contains("state=0123456789abcdef");
  }

  /** A token request exactly as given, with no client authentication but what {@code headers} hold. */
  private static HttpResponse<String> token(String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(calls.uri("/api/oidc/token"))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String s256(String verifier) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
