package dev.gatehouse.resilience;

import dev.gatehouse.testing.UserAgent;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A confidential client's side of the code flow, by hand over HTTP: a user's whole login up to the
 * code, then the token, userinfo, introspection, refresh and revocation endpoints. Thread-safe;
 * each login uses a browser of its own.
 */
final class RelyingParty {

  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String gatehouse;
  private final String clientId;
  private final String redirectUri;
  private final String basicCredentials;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RelyingParty(String gatehouseBaseUrl, String clientId, String secret, String redirectUri) {
    this.gatehouse = gatehouseBaseUrl;
    this.clientId = clientId;
    this.redirectUri = redirectUri;
    this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(
        (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
  }

  /** An answer that was not the one a working Gatehouse gives. */
  static final class UnexpectedAnswer extends RuntimeException {
    final int status;
    final String body;

    UnexpectedAnswer(String step, int status, String body) {
      super(step + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
      this.status = status;
      this.body = body;
    }
  }

  /** What the token endpoint handed out. */
  record Tokens(String accessToken, String refreshToken, String idToken) {
  }

  /** Opens the authorization request in a fresh browser, signs in and returns the code. */
  String loginForCode(String username, String password) {
    URI request = URI.create(gatehouse + "/api/oidc/authorization?response_type=code&client_id=" + encode(clientId)
        + "&redirect_uri=" + encode(redirectUri) + "&scope=" + encode("openid profile email offline_access")
        + "&state=resilience-state");
    HttpResponse<String> redirect = new UserAgent(gatehouse).authorize(request, username, password);
    String location = redirect.headers().firstValue("Location").orElse("");
    Matcher code = CODE.matcher(location);
    if (redirect.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
      throw new UnexpectedAnswer("login", redirect.statusCode(), location + " " + redirect.body());
    }
    return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
  }

  Tokens exchange(String code) throws IOException, InterruptedException {
    return tokens("token", post("/api/oidc/token", Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", redirectUri)));
  }

  Tokens refresh(String refreshToken) throws IOException, InterruptedException {
    return tokens("refresh", post("/api/oidc/token", Map.of("grant_type", "refresh_token",
        "refresh_token", refreshToken)));
  }

  /** The userinfo answer's {@code sub}. */
  String userinfo(String accessToken) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatehouse + "/api/oidc/userinfo"))
        .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    return field("userinfo", response, "sub");
  }

  boolean isActive(String token) throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/oidc/introspection", Map.of("token", token));
    expect("introspection", response, 200);
    return JSON.readTree(response.body()).path("active").asBoolean(false);
  }

  void revoke(String token) throws IOException, InterruptedException {
    expect("revocation", post("/api/oidc/revocation", Map.of("token", token)), 200);
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
    String body = new LinkedHashMap<>(form).entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(gatehouse + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", basicCredentials)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  String basicCredentials() {
    return basicCredentials;
  }

  private static Tokens tokens(String step, HttpResponse<String> response) {
    expect(step, response, 200);
    JsonNode json = JSON.readTree(response.body());
    return new Tokens(json.path("access_token").asString(null), json.path("refresh_token").asString(null),
        json.path("id_token").asString(null));
  }

  private static String field(String step, HttpResponse<String> response, String name) {
    expect(step, response, 200);
    return JSON.readTree(response.body()).path(name).asString(null);
  }

  private static void expect(String step, HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new UnexpectedAnswer(step, response.statusCode(), response.body());
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
