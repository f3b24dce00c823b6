package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static dev.gatehouse.testing.TestGatehouse.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile OAuth requests get the error codes of RFC 6749 and OpenID Connect Core:
 * a redirect with {@code error} where the client is known and trusted, an error page where it is
 * not, a JSON error body at the token endpoint, and never a 5xx.
 */
class MalformedRequestsTest {

  private static final String SHORT_LIVED_CODES = """
          lifespans:
            custom:
              short:
                authorize_code: '1s'
      """;
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    String clients = SHORT_LIVED_CODES + TestGatehouse.ONE_FACTOR_CLIENTS + """
              - client_id: 'short'
                client_secret: '%s'
                authorization_policy: 'one_factor'
                consent_mode: 'implicit'
                lifespan: 'short'
                redirect_uris: ['https://short.example.com/callback']
                scopes: ['openid']
        """.formatted(TestGatehouse.APP_SECRET_DIGEST);
    gatehouse = TestGatehouse.start(directory, clients);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void unknownClientIsShownAnErrorPageAndNotRedirected() throws Exception {
    HttpResponse<String> response = get("/api/oidc/authorization?response_type=code&client_id=nobody"
        + "&redirect_uri=" + enc("https://evil.example.com/cb") + "&scope=openid&state=abcdefgh");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).contains("invalid_request").doesNotContain("Exception");
  }

  @Test
  @DisplayName("RFC 9700 §4.1, RFC 6749 §3.1.2.3: a redirect_uri not exactly a registered one is never followed")
  void unregisteredRedirectUriIsNeverFollowed() throws Exception {
    for (String redirect : new String[] {"https://app.example.com/oauth/callback/../evil",
        "https://app.example.com/oauth/callback?x=1", "https://APP.example.com/oauth/callback",
        "https://app.example.com/oauth/callbackx", "https://user@app.example.com/oauth/callback",
        "https://evil.example.com/oauth/callback"}) {
      HttpResponse<String> response = get("/api/oidc/authorization?response_type=code&client_id=app"
          + "&redirect_uri=" + enc(redirect) + "&scope=openid&state=abcdefgh");
      assertThat(response.statusCode()).as(redirect).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).as(redirect).isEmpty();
    }
  }

  @Test
  void missingClientIdIsAnErrorPage() throws Exception {
    HttpResponse<String> response = get("/api/oidc/authorization?response_type=code&scope=openid");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void duplicateParametersAreRejected() throws Exception {
    HttpResponse<String> response = get("/api/oidc/authorization?response_type=code&client_id=app"
        + "&client_id=app&redirect_uri=" + enc(APP_REDIRECT) + "&scope=openid&state=abcdefgh");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    HttpResponse<String> twoStates = get("/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + enc(APP_REDIRECT) + "&scope=openid&state=abcdefgh&state=ijklmnop");
    assertRedirectError(twoStates, "invalid_request");
  }

  @Test
  void unsupportedResponseTypeIsRedirectedWithIss() throws Exception {
    HttpResponse<String> response = get("/api/oidc/authorization?response_type=token&client_id=app"
        + "&redirect_uri=" + enc(APP_REDIRECT) + "&scope=openid&state=abcdefgh");
    assertRedirectError(response, "unsupported_response_type");
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .contains("state=abcdefgh").contains("iss=" + enc(gatehouse.baseUrl()));
  }

  @Test
  void hugeParametersAreRefusedWithoutServerError() throws Exception {
    String huge = "a".repeat(20_000);
    HttpResponse<String> authorize = get("/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + enc(APP_REDIRECT) + "&scope=openid&state=" + huge);
    assertThat(authorize.statusCode()).isBetween(400, 499);
    HttpResponse<String> token = postToken(Map.of("grant_type", "authorization_code", "code", huge,
        "redirect_uri", APP_REDIRECT), basic("app", APP_SECRET));
    assertThat(token.statusCode()).isBetween(400, 499);
    HttpResponse<String> hugeBody = postToken(Map.of("grant_type", "authorization_code",
        "code", "x".repeat(3_000_000)), basic("app", APP_SECRET));
    assertThat(hugeBody.statusCode()).isBetween(400, 499);
  }

  @Test
  void tokenEndpointClientAuthenticationFailures() throws Exception {
    Map<String, String> grant = Map.of("grant_type", "authorization_code", "code", "whatever",
        "redirect_uri", APP_REDIRECT);
    assertTokenError(postToken(grant, null), 401, "invalid_client");
    assertTokenError(postToken(grant, basic("app", "wrong_secret")), 401, "invalid_client");
    assertTokenError(postToken(grant, basic("nobody", APP_SECRET)), 401, "invalid_client");
    assertTokenError(postToken(grant, "Basic !!!not-base64!!!"), 400, "invalid_request");
    assertTokenError(postToken(grant, "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes())),
        400, "invalid_request");
  }

  @Test
  void tokenEndpointGrantErrors() throws Exception {
    String app = basic("app", APP_SECRET);
    assertTokenError(postToken(Map.of("grant_type", "password", "username", "john", "password", "x"), app),
        400, "unsupported_grant_type");
    assertTokenError(postToken(Map.of("redirect_uri", APP_REDIRECT), app), 400, "invalid_request");
    assertTokenError(postToken(Map.of("grant_type", "authorization_code", "redirect_uri", APP_REDIRECT), app),
        400, "invalid_request");
    assertTokenError(postToken(Map.of("grant_type", "authorization_code", "code", "not-a-code",
        "redirect_uri", APP_REDIRECT), app), 400, "invalid_grant");
    assertTokenError(postToken(Map.of("grant_type", "refresh_token", "refresh_token", "not-a-token"), app),
        400, "invalid_grant");
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/api/oidc/token")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isBetween(400, 499);
  }

  @Test
  @DisplayName("RFC 9700 §4.5, RFC 6749 §4.1.3: a code works only for its client and its redirect_uri")
  void codeIsBoundToClientAndRedirectUri() throws Exception {
    String code = loginForCode("app", APP_REDIRECT);
    assertTokenError(postToken(Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", "https://other.example.com/callback"), basic("other", APP_SECRET)), 400, "invalid_grant");
    String second = loginForCode("app", APP_REDIRECT);
    assertTokenError(postToken(Map.of("grant_type", "authorization_code", "code", second,
        "redirect_uri", APP_REDIRECT + "/other"), basic("app", APP_SECRET)), 400, "invalid_grant");
  }

  @Test
  @DisplayName("RFC 6749 §4.1.2, RFC 9700 §4.5: a code used twice fails and revokes what its first use issued")
  void reusedCodeFailsAndRevokesWhatTheFirstUseIssued() throws Exception {
    String code = loginForCode("app", APP_REDIRECT);
    Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", APP_REDIRECT);
    HttpResponse<String> first = postToken(exchange, basic("app", APP_SECRET));
    assertThat(first.statusCode()).isEqualTo(200);
    String accessToken = jsonField(first.body(), "access_token");
    assertThat(userinfoStatus(accessToken)).isEqualTo(200);

    assertTokenError(postToken(exchange, basic("app", APP_SECRET)), 400, "invalid_grant");
    assertThat(userinfoStatus(accessToken)).isEqualTo(401);
  }

  @Test
  void expiredCodeIsRefused() throws Exception {
    String code = loginForCode("short", "https://short.example.com/callback");
    Thread.sleep(1_500);
    assertTokenError(postToken(Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", "https://short.example.com/callback"), basic("short", APP_SECRET)), 400, "invalid_grant");
  }

  @Test
  void userinfoWithoutOrWithBadTokenIsUnauthorized() throws Exception {
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(uri("/api/oidc/userinfo")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(userinfoStatus("bogus")).isEqualTo(401);
  }

  private String loginForCode(String clientId, String redirectUri) {
    URI request = uri("/api/oidc/authorization?response_type=code&client_id=" + clientId
        + "&redirect_uri=" + enc(redirectUri) + "&scope=openid&state=abcdefghij");
    HttpResponse<String> redirect = new UserAgent(gatehouse.baseUrl())
        .authorize(request, TestGatehouse.USER, TestGatehouse.PASSWORD);
    String location = redirect.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
    Matcher code = CODE.matcher(location);
    assertThat(code.find()).as(location).isTrue();
    return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
  }

  private int userinfoStatus(String accessToken) throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/api/oidc/userinfo"))
        .header("Authorization", "Bearer " + accessToken).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static void assertRedirectError(HttpResponse<String> response, String error) {
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?").contains("error=" + error);
  }

  private static void assertTokenError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(jsonField(response.body(), "error")).isEqualTo(error);
  }

  private static String jsonField(String json, String field) {
    Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    assertThat(value.find()).as(field + " in " + json).isTrue();
    return value.group(1);
  }

  private static HttpResponse<String> postToken(Map<String, String> form, String authorization) throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/oidc/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((enc(user) + ":" + enc(secret)).getBytes());
  }

  private static URI uri(String pathAndQuery) {
    return URI.create(gatehouse.baseUrl() + pathAndQuery);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
