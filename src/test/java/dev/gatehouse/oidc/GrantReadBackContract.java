package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static dev.gatehouse.testing.TestGatehouse.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.oidc.grants.DatabaseAuthorizationService;
import dev.gatehouse.testing.LogLines;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants read back from storage rather than from the memory of the process that made them: after a
 * restart, every code and token a client holds must work as before, and the ID tokens and userinfo
 * built from the stored grant must be those built from the one in memory, claim for claim.
 */
abstract class GrantReadBackContract extends EngineContract {

  static final ClientID APP = new ClientID("app");
  /** What differs between any two ID tokens, however they were made. */
  static final Set<String> PER_TOKEN_CLAIMS = Set.of("iat", "exp", "jti", "at_hash", "nonce");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  String clients() {
    return TestGatehouse.ONE_FACTOR_CLIENTS;
  }

  @Test
  void aCodeIssuedBeforeARestartIsRedeemedAfterItForTheSameIdTokenAndUserinfo() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    AuthorizationCode first = signIn(browser);
    AuthorizationCode second = signIn(browser);
    OIDCTokenResponse fromMemory = exchange(new AuthorizationCodeGrant(first, URI.create(APP_REDIRECT)));
    String userinfoFromMemory = userinfo(fromMemory);

    gatehouse = gatehouse.restart();

    OIDCTokenResponse fromStorage = exchange(new AuthorizationCodeGrant(second, URI.create(APP_REDIRECT)));
    assertThat(sameForEveryToken(fromStorage)).isEqualTo(sameForEveryToken(fromMemory))
        .containsKeys("auth_time", "sid", "amr", "sub", "iss", "aud", "azp", "email", "groups");
    assertThat(payload(fromStorage).get("auth_time").isIntegralNumber()).as("auth_time is a number").isTrue();
    assertThat(JSON.readTree(userinfo(fromStorage))).isEqualTo(JSON.readTree(userinfoFromMemory));
  }

  @Test
  void aRefreshTokenIssuedBeforeARestartRefreshesAfterIt() throws Exception {
    OIDCTokenResponse issued = exchange(new AuthorizationCodeGrant(signIn(new UserAgent(gatehouse.baseUrl())),
        URI.create(APP_REDIRECT)));
    String userinfoBefore = userinfo(issued);

    gatehouse = gatehouse.restart();

    OIDCTokenResponse refreshed = exchange(new RefreshTokenGrant(issued.getOIDCTokens().getRefreshToken()));
    assertThat(sameForEveryToken(refreshed)).isEqualTo(sameForEveryToken(issued)).containsKeys("email", "groups");
    assertThat(JSON.readTree(userinfo(refreshed))).isEqualTo(JSON.readTree(userinfoBefore));
    TokenIntrospectionResponse introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
        provider.getIntrospectionEndpointURI(), new ClientSecretBasic(APP, new Secret(APP_SECRET)),
        refreshed.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
    assertThat(introspection.toSuccessResponse().isActive()).isTrue();

    gatehouse = gatehouse.restart();

    OIDCTokenResponse again = exchange(new RefreshTokenGrant(refreshed.getOIDCTokens().getRefreshToken()));
    assertThat(sameForEveryToken(again)).isEqualTo(sameForEveryToken(issued));
  }

  /**
   * Access and refresh tokens name their grant, and are found by it. Tokens issued before they did
   * (version 12) name none: the upgrade records their digests, through which they keep working, the
   * access token at userinfo and introspection and the refresh token once. The tokens that refresh
   * gives name the grant, and the old refresh token then counts as replaced. A token naming a grant
   * whose digest it does not match is no token.
   */
  @Test
  void tokensThatNameNoGrantAreFoundThroughTheirRecordedDigests() throws Exception {
    OIDCTokenResponse issued = exchange(new AuthorizationCodeGrant(signIn(new UserAgent(gatehouse.baseUrl())),
        URI.create(APP_REDIRECT)));
    String userinfoBefore = userinfo(issued);
    JdbcTemplate jdbc = new JdbcTemplate(gatehouse.bean(DataSource.class));
    String grantId = jdbc.queryForObject("select id from oauth2_authorization where access_token_hash = ?",
        String.class, Sha256.hexOf(issued.getOIDCTokens().getAccessToken().getValue()));
    assertThat(issued.getOIDCTokens().getAccessToken().getValue()).startsWith(grantId + ".");
    assertThat(issued.getOIDCTokens().getRefreshToken().getValue()).startsWith(grantId + ".");
    String earlierAccessToken = new BearerAccessToken(96).getValue();
    String earlierRefreshToken = new RefreshToken(96).getValue();
    jdbc.update("update oauth2_authorization set access_token_hash = ?, refresh_token_hash = ? where id = ?",
        Sha256.hexOf(earlierAccessToken), Sha256.hexOf(earlierRefreshToken), grantId);
    // What the upgrade to version 12 does for the tokens already issued.
    for (String token : List.of(earlierAccessToken, earlierRefreshToken)) {
      jdbc.update("insert into oauth2_token_digest (token_hash, authorization_id) values (?, ?)",
          Sha256.hexOf(token), grantId);
    }
    gatehouse = gatehouse.restart();

    assertThat(JSON.readTree(userinfo(earlierAccessToken).getBody())).isEqualTo(JSON.readTree(userinfoBefore));
    assertThat(introspect(earlierAccessToken).isActive()).isTrue();
    assertThat(userinfo(grantId + "." + new BearerAccessToken(96).getValue()).getStatusCode())
        .as("a token that names the grant but is not its token").isEqualTo(401);
    OIDCTokenResponse refreshed = exchange(new RefreshTokenGrant(new RefreshToken(earlierRefreshToken)));
    assertThat(refreshed.getOIDCTokens().getRefreshToken().getValue()).startsWith(grantId + ".");
    assertThat(JSON.readTree(userinfo(refreshed))).isEqualTo(JSON.readTree(userinfoBefore));
    assertThat(introspect(earlierAccessToken).isActive()).as("replaced by the refresh").isFalse();
    HTTPResponse revoked = new TokenRevocationRequest(provider.getRevocationEndpointURI(),
        new ClientSecretBasic(APP, new Secret(APP_SECRET)), new BearerAccessToken(earlierAccessToken))
        .toHTTPRequest().send();
    assertThat(revoked.getStatusCode()).as("a replaced token revokes nothing").isEqualTo(200);
    assertThat(JSON.readTree(userinfo(refreshed))).as("the grant is intact").isEqualTo(JSON.readTree(userinfoBefore));

    HTTPResponse replayed = new TokenRequest(provider.getTokenEndpointURI(),
        new ClientSecretBasic(APP, new Secret(APP_SECRET)),
        new RefreshTokenGrant(new RefreshToken(earlierRefreshToken))).toHTTPRequest().send();
    assertThat(replayed.getStatusCode()).isEqualTo(400);
    assertThat(replayed.getBody()).contains("\"invalid_grant\"");
    assertThat(userinfo(refreshed.getOIDCTokens().getAccessToken().getValue()).getStatusCode())
        .as("a replaced refresh token presented again ends the grant").isEqualTo(401);
  }

  /**
   * A grant stored by an earlier version in a form this one cannot read, or damaged: its tokens
   * get the answers of unknown ones, and the log says which grant and why, without its data.
   */
  @Test
  void anUnreadableGrantAnswersAsAnUnknownOneAndTheLogNamesIt() throws Exception {
    OIDCTokenResponse unknownType = exchange(new AuthorizationCodeGrant(signIn(new UserAgent(gatehouse.baseUrl())),
        URI.create(APP_REDIRECT)));
    OIDCTokenResponse notJson = exchange(new AuthorizationCodeGrant(signIn(new UserAgent(gatehouse.baseUrl())),
        URI.create(APP_REDIRECT)));
    String unknownTypeId = overwriteAttributes(unknownType, "{\"@class\":\"java.util.HashMap\","
        + "\"principal\":{\"@class\":\"com.example.Gadget\",\"secret\":\"s3cr3t\"}}");
    String notJsonId = overwriteAttributes(notJson, "{\"principal\": s3cr3t");
    gatehouse = gatehouse.restart();

    try (LogLines log = LogLines.of(DatabaseAuthorizationService.class)) {
      for (OIDCTokenResponse tokens : List.of(unknownType, notJson)) {
        HTTPResponse refresh = new TokenRequest(provider.getTokenEndpointURI(),
            new ClientSecretBasic(APP, new Secret(APP_SECRET)),
            new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send();
        assertThat(refresh.getStatusCode()).as(refresh.getBody()).isEqualTo(400);
        assertThat(refresh.getBody()).contains("\"invalid_grant\"");
        HTTPResponse userinfo = new UserInfoRequest(provider.getUserInfoEndpointURI(),
            (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send();
        assertThat(userinfo.getStatusCode()).isEqualTo(401);
      }
      assertThat(log.lines()).anyMatch(line -> line.contains(unknownTypeId) && line.contains("cannot be read"))
          .anyMatch(line -> line.contains(notJsonId) && line.contains("cannot be read"))
          .noneMatch(line -> line.contains("s3cr3t") || line.contains("Gadget"));
    }
  }

  /** Replaces the stored attributes of the grant that issued {@code tokens}; returns its id. */
  String overwriteAttributes(OIDCTokenResponse tokens, String attributes) {
    JdbcTemplate jdbc = new JdbcTemplate(gatehouse.bean(DataSource.class));
    String accessTokenHash = Sha256.hexOf(tokens.getOIDCTokens().getAccessToken().getValue());
    String id = jdbc.queryForObject("select id from oauth2_authorization where access_token_hash = ?", String.class,
        accessTokenHash);
    assertThat(jdbc.update("update oauth2_authorization set attributes = ? where id = ?", attributes, id)).isOne();
    return id;
  }

  /** John signs in (or is still signed in) and brings back a code for the app. */
  AuthorizationCode signIn(UserAgent browser) throws Exception {
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
        new Scope("openid", "profile", "email", "groups", "offline_access"), APP, URI.create(APP_REDIRECT))
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(new State()).nonce(new Nonce())
        .customParameter("claims", "{\"id_token\":{\"email\":{\"essential\":true},\"groups\":null}}")
        .build();
    HttpResponse<String> redirect = browser.authorize(request.toURI(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    return AuthenticationResponseParser.parse(URI.create(redirect.headers().firstValue("Location").orElseThrow()))
        .toSuccessResponse().getAuthorizationCode();
  }

  OIDCTokenResponse exchange(AuthorizationGrant grant) throws Exception {
    HTTPResponse response = new TokenRequest(provider.getTokenEndpointURI(),
        new ClientSecretBasic(APP, new Secret(APP_SECRET)), grant).toHTTPRequest().send();
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return (OIDCTokenResponse) OIDCTokenResponseParser.parse(response).toSuccessResponse();
  }

  String userinfo(OIDCTokenResponse tokens) throws Exception {
    HTTPResponse response = new UserInfoRequest(provider.getUserInfoEndpointURI(),
        (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send();
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  HTTPResponse userinfo(String accessToken) throws Exception {
    return new UserInfoRequest(provider.getUserInfoEndpointURI(), new BearerAccessToken(accessToken))
        .toHTTPRequest().send();
  }

  TokenIntrospectionSuccessResponse introspect(String token) throws Exception {
    return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(provider.getIntrospectionEndpointURI(),
        new ClientSecretBasic(APP, new Secret(APP_SECRET)), new BearerAccessToken(token)).toHTTPRequest().send())
        .toSuccessResponse();
  }

  /** The ID token's claims, as the JSON its payload holds, without those that differ per token. */
  static Map<String, JsonNode> sameForEveryToken(OIDCTokenResponse tokens) {
    Map<String, JsonNode> claims = new TreeMap<>();
    payload(tokens).properties().forEach(claim -> claims.put(claim.getKey(), claim.getValue()));
    claims.keySet().removeAll(PER_TOKEN_CLAIMS);
    return claims;
  }

  static JsonNode payload(OIDCTokenResponse tokens) {
    String[] parts = tokens.getOIDCTokens().getIDTokenString().split("\\.");
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }
}
