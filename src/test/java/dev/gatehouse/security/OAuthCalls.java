package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests an attacker or a relying party sends in the attack tests, over real HTTP. */
final class OAuthCalls {

  /** A client of {@link TestGatehouse#ONE_FACTOR_CLIENTS}: how it authenticates, where it gets codes. */
  record Client(String id, boolean basic, String redirectUri, String scope) {
    static final Client APP = new Client("app", true, TestGatehouse.APP_REDIRECT, "openid offline_access");
    static final Client OTHER = new Client("other", false, "https://other.example.com/callback", "openid");
  }

  private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestGatehouse gatehouse;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  OAuthCalls(TestGatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  URI uri(String pathAndQuery) {
    return URI.create(gatehouse.baseUrl() + pathAndQuery);
  }

  /** The code john's browser brings back to the client after signing in. */
  String code(Client client, String extraQuery) {
    HttpResponse<String> redirect = new UserAgent(gatehouse.baseUrl()).authorize(uri(
        "/api/oidc/authorization?response_type=code&client_id=" + client.id() + "&redirect_uri="
            + encode(client.redirectUri()) + "&scope=" + encode(client.scope()) + "&state=0123456789abcdef"
            + extraQuery),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    String location = redirect.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
    Matcher code = CODE.matcher(location);
    assertThat(code.find()).as(location).isTrue();
    return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
  }

  /** The token response for john's code, redeemed by the client that asked for it. */
  JsonNode tokens(Client client) {
    HttpResponse<String> response = redeem(client, code(client, ""), Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** Redeems {@code code} as {@code client}, with its redirect URI and any {@code extra} parameters. */
  HttpResponse<String> redeem(Client client, String code, Map<String, String> extra) {
    Map<String, String> form = new LinkedHashMap<>(extra);
    form.putAll(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", client.redirectUri()));
    return post("/api/oidc/token", form, client);
  }

  HttpResponse<String> refresh(Client client, String refreshToken) {
    return post("/api/oidc/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), client);
  }

  HttpResponse<String> post(String path, Map<String, String> form, Client client, String... headers) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (client.basic()) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (client.id() + ":" + TestGatehouse.APP_SECRET).getBytes(StandardCharsets.UTF_8)));
    } else {
      fields.put("client_id", client.id());
      fields.put("client_secret", TestGatehouse.APP_SECRET);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> userinfo(String accessToken, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/oidc/userinfo"))
        .header("Authorization", "Bearer " + accessToken);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.GET().build());
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "text/html");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.GET().build());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
