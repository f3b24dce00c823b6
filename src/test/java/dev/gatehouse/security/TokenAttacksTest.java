package dev.gatehouse.security;

import static dev.gatehouse.security.OAuthCalls.Client.APP;
import static dev.gatehouse.security.OAuthCalls.Client.OTHER;
import static dev.gatehouse.security.OAuthCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import dev.gatehouse.security.OAuthCalls.Client;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Attacks with tokens: a replayed refresh token, another client's tokens, floods of guesses. */
class TokenAttacksTest extends OneFactorGatehouseTest {

  @Test
  @DisplayName("RFC 9700 §4.14.2: a refresh token presented after rotation replaced it revokes the whole grant")
  void replayedRefreshTokenRevokesTheGrant() {
    JsonNode first = calls.tokens(APP);
    HttpResponse<String> rotation = calls.refresh(APP, text(first, "refresh_token"));
    assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
    JsonNode second = json(rotation);

    assertError(calls.refresh(APP, text(first, "refresh_token")), 400, "invalid_grant");
    assertThat(calls.userinfo(text(second, "access_token")).statusCode()).isEqualTo(401);
    assertError(calls.refresh(APP, text(second, "refresh_token")), 400, "invalid_grant");
    assertThat(introspect(APP, text(second, "access_token")).path("active").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("RFC 6749 §6, §10.4: another client's refresh token is refused and its grant stays intact")
  void anotherClientsRefreshTokenIsRefused() {
    JsonNode tokens = calls.tokens(APP);
    assertError(calls.refresh(OTHER, text(tokens, "refresh_token")), 400, "invalid_grant");
    assertThat(calls.userinfo(text(tokens, "access_token")).statusCode()).isEqualTo(200);
    assertThat(calls.refresh(APP, text(tokens, "refresh_token")).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("RFC 7662 §2.2: introspecting another client's token answers {\"active\":false}")
  void anotherClientsTokenIntrospectsAsInactive() {
    JsonNode tokens = calls.tokens(APP);
    for (String token : new String[] {text(tokens, "access_token"), text(tokens, "refresh_token")}) {
      JsonNode foreign = introspect(OTHER, token);
      assertThat(foreign.path("active").asBoolean()).isFalse();
      assertThat(foreign.size()).as(foreign.toString()).isEqualTo(1);
      assertThat(introspect(APP, token).path("client_id").asString()).isEqualTo("app");
    }
  }

  @Test
  @DisplayName("RFC 7009 §2.2: revoking another client's token answers 200 and revokes nothing")
  void anotherClientsTokenIsNotRevoked() {
    JsonNode tokens = calls.tokens(APP);
    for (String token : new String[] {text(tokens, "access_token"), text(tokens, "refresh_token")}) {
      HttpResponse<String> revoked = calls.post("/api/oidc/revocation", Map.of("token", token), OTHER);
      assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
      assertThat(introspect(APP, token).path("active").asBoolean()).isTrue();
    }
    assertThat(calls.userinfo(text(tokens, "access_token")).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("RFC 6749 §10.10, RFC 6819 §5.1.4.2.4: a flood of failed token requests from one address gets 429")
  void tokenEndpointFloodIsLimited() {
    String[] from = {"X-Forwarded-For", "203.0.113.10"};
    Map<String, String> guess = Map.of("grant_type", "authorization_code", "code", "guessed",
        "redirect_uri", APP.redirectUri());
    for (int i = 0; i < 30; i++) {
      assertError(calls.post("/api/oidc/token", guess, APP, from), 400, "invalid_grant");
    }
    assertTooManyRequests(calls.post("/api/oidc/token", guess, APP, from));
    assertError(calls.post("/api/oidc/token", guess, APP, "X-Forwarded-For", "203.0.113.11"), 400,
        "invalid_grant");
  }

  @Test
  @DisplayName("RFC 6750 §3.1: userinfo answers that succeed do not count, failures do, and a full bucket"
      + " stops everything")
  void userinfoCountsOnlyFailures() {
    String[] from = {"X-Forwarded-For", "203.0.113.20"};
    String accessToken = text(calls.tokens(APP), "access_token");
    for (int i = 0; i < 40; i++) {
      assertThat(calls.userinfo(accessToken, from).statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < 30; i++) {
      assertThat(calls.userinfo("guessed", from).statusCode()).isEqualTo(401);
    }
    assertTooManyRequests(calls.userinfo(accessToken, from));
  }

  @Test
  @DisplayName("RFC 7009 §2, RFC 7662 §2: every revocation and introspection request counts")
  void revocationAndIntrospectionCountEverything() {
    for (String endpoint : new String[] {"/api/oidc/revocation", "/api/oidc/introspection"}) {
      String[] from = {"X-Forwarded-For", "203.0.113.30"};
      for (int i = 0; i < 30; i++) {
        assertThat(calls.post(endpoint, Map.of("token", "guessed"), APP, from).statusCode()).isEqualTo(200);
      }
      assertTooManyRequests(calls.post(endpoint, Map.of("token", "guessed"), APP, from));
    }
  }

  @Test
  @DisplayName("RFC 9449 is not offered, as in Authelia: a DPoP proof at the token endpoint gets a Bearer token")
  void aDpopProofGetsABearerToken() throws Exception {
    String code = calls.code(APP, "");
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    String proof = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256)
        .createDPoPJWT("POST", calls.uri("/api/oidc/token")).serialize();

    HttpResponse<String> response = calls.post("/api/oidc/token", Map.of("grant_type", "authorization_code",
        "code", code, "redirect_uri", APP.redirectUri()), APP, "DPoP", proof);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode tokens = json(response);
    assertThat(text(tokens, "token_type")).isEqualTo("Bearer");
    assertThat(calls.userinfo(text(tokens, "access_token")).statusCode()).isEqualTo(200);
    assertThat(introspect(APP, text(tokens, "access_token")).has("cnf")).isFalse();
  }

  private static JsonNode introspect(Client client, String token) {
    HttpResponse<String> response = calls.post("/api/oidc/introspection", Map.of("token", token), client);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static void assertTooManyRequests(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(429);
    // The minute bucket gives one request back a minute after the burst began.
    assertThat(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(json(response).path("error").asString()).isEqualTo("temporarily_unavailable");
  }

  private static void assertError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).path("error").asString()).isEqualTo(error);
  }

  private static String text(JsonNode json, String field) {
    assertThat(json.has(field)).as(field + " in " + json).isTrue();
    return json.path(field).asString();
  }
}
