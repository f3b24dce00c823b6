package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.OneFactorGatehouse;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the ID token and userinfo say of the user (OpenID Connect Core 5.3-5.5, Authelia 4.39): the
 * ID token proves the login and carries identity claims only when the claims parameter asks for
 * them; userinfo gives the granted scopes' claims, with the access token in the header or a form
 * body.
 */
class ClaimsRequestTest extends OneFactorGatehouse {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient http = HttpClient.newHttpClient();

  @Test
  void withoutTheClaimsParameterTheIdTokenNamesNoIdentity() throws Exception {
    JsonNode idToken = idToken(tokens("openid profile email groups", null));
    assertThat(idToken.has("sub")).isTrue();
    assertThat(idToken.has("email")).isFalse();
    assertThat(idToken.has("name")).isFalse();
    assertThat(idToken.has("groups")).isFalse();
  }

  @Test
  void claimsAskedForInTheIdTokenAreThereWhenTheirScopeIsGranted() throws Exception {
    JsonNode tokens = tokens("openid profile email",
        "{\"id_token\":{\"email\":{\"essential\":true},\"name\":null,\"groups\":null,\"unknown_claim\":null}}");
    JsonNode idToken = idToken(tokens);
    assertThat(idToken.get("email").asString()).isEqualTo("john@example.com");
    assertThat(idToken.get("name").asString()).isEqualTo("John Doe");
    assertThat(idToken.has("groups")).as("the groups scope was not granted").isFalse();
    assertThat(idToken.has("unknown_claim")).isFalse();
    assertThat(idToken.has("preferred_username")).as("not asked for").isFalse();

    JsonNode refreshed = idToken(json(post("/api/oidc/token", "grant_type=refresh_token&refresh_token="
        + tokens.get("refresh_token").asString(), true)));
    assertThat(refreshed.get("email").asString()).isEqualTo("john@example.com");
  }

  @Test
  void userinfoGivesTheGrantedScopesClaimsAndTakesTheTokenFromAFormBody() throws Exception {
    String accessToken = tokens("openid profile email", "{\"userinfo\":{\"email\":{\"essential\":true}}}")
        .get("access_token").asString();
    HttpResponse<String> fromBody = post("/api/oidc/userinfo", "access_token=" + accessToken, false);
    assertThat(fromBody.statusCode()).as(fromBody.body()).isEqualTo(200);
    assertThat(json(fromBody).get("email").asString()).isEqualTo("john@example.com");
    assertThat(json(fromBody).get("name").asString()).isEqualTo("John Doe");

    HttpResponse<String> both = http.send(HttpRequest.newBuilder(uri("/api/oidc/userinfo"))
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("access_token=" + accessToken)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_request");

    HttpResponse<String> inQuery = http.send(HttpRequest.newBuilder(uri("/api/oidc/userinfo?access_token="
        + accessToken)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(inQuery.statusCode()).as("never from the query string").isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1,2]", "{\"id_token\":[\"email\"]}", "{\"userinfo\":{\"email\":true}}"})
  void aMalformedClaimsParameterIsAnInvalidRequest(String claims) {
    HttpResponse<String> answer = new UserAgent(gatehouse.baseUrl()).get(authorization("openid", claims));
    assertThat(answer.headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?error=invalid_request").contains("state=0123456789abcdef");
  }

  @Test
  void discoverySaysTheClaimsParameterIsSupported() throws Exception {
    HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(uri("/.well-known/openid-configuration"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(json(discovery).get("claims_parameter_supported").asBoolean()).isTrue();
  }

  private static JsonNode tokens(String scope, String claims) throws Exception {
    String location = new UserAgent(gatehouse.baseUrl()).authorize(authorization(scope + " offline_access", claims),
        TestGatehouse.USER, TestGatehouse.PASSWORD).headers().firstValue("Location").orElseThrow();
    String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    HttpResponse<String> answer = post("/api/oidc/token", "grant_type=authorization_code&code=" + encode(code)
        + "&redirect_uri=" + encode(APP_REDIRECT), true);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  private static URI authorization(String scope, String claims) {
    return uri("/api/oidc/authorization?response_type=code&client_id=app&redirect_uri=" + encode(APP_REDIRECT)
        + "&scope=" + encode(scope) + "&state=0123456789abcdef" + (claims == null ? "" : "&claims=" + encode(claims)));
  }

  private static HttpResponse<String> post(String path, String form, boolean asClient) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    if (asClient) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          ("app:" + TestGatehouse.APP_SECRET).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode idToken(JsonNode tokens) {
    return JSON.readTree(Base64.getUrlDecoder().decode(tokens.get("id_token").asString().split("\\.")[1]));
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static URI uri(String pathAndQuery) {
    return URI.create(gatehouse.baseUrl() + pathAndQuery);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
