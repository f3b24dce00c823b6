package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What clients and probes call (token, userinfo, introspection, revocation, JWKS, discovery,
 * health) never opens a server session nor sets a cookie, whatever the answer: otherwise anyone
 * could fill Gatehouse's memory with sessions by calling them.
 */
class ApiWithoutSessionsTest extends OneFactorGatehouseTest {


  @Test
  void noAnswerOfAnApiEndpointOpensASessionOrSetsACookie() throws Exception {
    String accessToken = calls.tokens(OAuthCalls.Client.APP).get("access_token").asString();
    long sessionsBefore = gatehouse.activeSessions();
    HttpClient http = HttpClient.newHttpClient();
    List<HttpRequest> requests = List.of(
        get("/.well-known/openid-configuration"), get("/.well-known/oauth-authorization-server"), get("/jwks.json"),
        get("/api/health"), get("/api/health/ready"),
        get("/api/oidc/userinfo"), bearer("/api/oidc/userinfo", accessToken), bearer("/api/oidc/userinfo", "forged"),
        form("/api/oidc/userinfo", "access_token=forged"),
        form("/api/oidc/token", "grant_type=authorization_code&code=forged"),
        form("/api/oidc/introspection", "token=forged"), form("/api/oidc/revocation", "token=forged"),
        get("/api/oidc/token"), get("/api/oidc/introspection"), get("/api/oidc/nowhere"),
        form("/api/oidc/nowhere", "x=1"), form("/api/health", "x=1"), form("/jwks.json", "x=1"),
        HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/api/oidc/token")).DELETE().build());
    for (int round = 0; round < 10; round++) {
      for (HttpRequest request : requests) {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s", request.method(), request.uri()).isLessThan(500);
        assertThat(answer.headers().allValues("Set-Cookie")).as("%s %s answered %d", request.method(),
            request.uri(), answer.statusCode()).isEmpty();
      }
    }
    assertThat(gatehouse.activeSessions()).isEqualTo(sessionsBefore);
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path)).GET().build();
  }

  private static HttpRequest bearer(String path, String token) {
    return HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path)).header("Authorization", "Bearer " + token)
        .GET().build();
  }

  private static HttpRequest form(String path, String body) {
    return HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
