package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static dev.gatehouse.testing.TestGatehouse.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.testing.Race;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authorization code flow driven by the Nimbus OAuth 2.0 / OpenID Connect SDK as a relying
 * party: discovery, login form, code, token, id_token validation, userinfo, refresh, introspection
 * and revocation, all over real HTTP on 127.0.0.1. Each storage engine runs the same contract.
 */
abstract class CodeFlowContract extends EngineContract {

  static final ClientID APP = new ClientID("app");
  static final int RACERS = 8;

  @Override
  String clients() {
    return TestGatehouse.ONE_FACTOR_CLIENTS;
  }

  @Test
  void discoveryNamesTheExactIssuerAndOnlyWhatIsServed() {
    assertThat(provider.getIssuer().getValue()).isEqualTo(gatehouse.baseUrl());
    assertThat(provider.getAuthorizationEndpointURI()).hasToString(gatehouse.baseUrl() + "/api/oidc/authorization");
    assertThat(provider.getTokenEndpointURI()).hasToString(gatehouse.baseUrl() + "/api/oidc/token");
    assertThat(provider.getUserInfoEndpointURI()).hasToString(gatehouse.baseUrl() + "/api/oidc/userinfo");
    assertThat(provider.getJWKSetURI()).hasToString(gatehouse.baseUrl() + "/jwks.json");
    assertThat(provider.getIntrospectionEndpointURI()).hasToString(gatehouse.baseUrl() + "/api/oidc/introspection");
    assertThat(provider.getRevocationEndpointURI()).hasToString(gatehouse.baseUrl() + "/api/oidc/revocation");
    assertThat(provider.getResponseTypes()).containsExactly(ResponseType.CODE);
    assertThat(provider.getGrantTypes()).extracting(Object::toString)
        .containsExactly("authorization_code", "refresh_token");
    assertThat(provider.getTokenEndpointAuthMethods()).extracting(Object::toString)
        .contains("client_secret_basic", "client_secret_post")
        .doesNotContain("private_key_jwt", "client_secret_jwt", "tls_client_auth");
    assertThat(provider.getIDTokenJWSAlgs()).containsExactly(JWSAlgorithm.RS256);
    assertThat(provider.getScopes().toStringList())
        .contains("openid", "offline_access", "profile", "email", "groups");
    assertThat(provider.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
    assertThat(provider.supportsAuthorizationResponseIssuerParam()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"client_secret_basic", "client_secret_post"})
  void fullCodeFlow(String authMethod) throws Exception {
    ClientAuthentication client = "client_secret_basic".equals(authMethod)
        ? new ClientSecretBasic(APP, new Secret(APP_SECRET))
        : new ClientSecretPost(APP, new Secret(APP_SECRET));
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
        new Scope("openid", "profile", "email", "groups", "offline_access"), APP, URI.create(APP_REDIRECT))
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
        .build();

    HttpResponse<String> redirect = new UserAgent(gatehouse.baseUrl())
        .authorize(request.toURI(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(redirect.statusCode()).isEqualTo(302);
    AuthenticationResponse response = AuthenticationResponseParser.parse(
        URI.create(redirect.headers().firstValue("Location").orElseThrow()));
    assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
    AuthenticationSuccessResponse success = response.toSuccessResponse();
    assertThat(success.getState()).isEqualTo(state);
    assertThat(success.getIssuer()).isEqualTo(provider.getIssuer());
    AuthorizationCode code = success.getAuthorizationCode();

    OIDCTokenResponse tokens = exchange(new TokenRequest(provider.getTokenEndpointURI(), client,
        new AuthorizationCodeGrant(code, URI.create(APP_REDIRECT), verifier)));
    JWT idToken = tokens.getOIDCTokens().getIDToken();
    IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), APP, JWSAlgorithm.RS256,
        provider.getJWKSetURI().toURL()).validate(idToken, nonce);
    String subject = claims.getSubject().getValue();
    assertThat(subject).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("pwd");
    assertThat(claims.getAuthenticationTime()).isNotNull();
    assertThat(claims.getAuthorizedParty().getValue()).isEqualTo(APP.getValue());
    assertThat(claims.getClaim("email")).as("identity claims are at userinfo unless asked for in the ID token")
        .isNull();
    AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
    AccessTokenValidator.validate(accessToken, JWSAlgorithm.RS256, new AccessTokenHash(claims.getStringClaim("at_hash")));
    assertThat(accessToken.getType()).isEqualTo(AccessTokenType.BEARER);
    assertThat(accessToken.getLifetime()).as("expires_in: the access token's lifespan").isEqualTo(3600);
    assertThat(accessToken.getScope()).isEqualTo(request.getScope());
    assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();

    UserInfoSuccessResponse userInfo = userInfo(accessToken).toSuccessResponse();
    assertThat(userInfo.getUserInfo().getSubject().getValue()).isEqualTo(subject);
    assertThat(userInfo.getUserInfo().getEmailAddress()).isEqualTo("john@example.com");
    assertThat(userInfo.getUserInfo().getEmailVerified()).isTrue();
    assertThat(userInfo.getUserInfo().getName()).isEqualTo("John Doe");
    assertThat(userInfo.getUserInfo().getPreferredUsername()).isEqualTo("john");
    assertThat(userInfo.getUserInfo().getStringListClaim("groups")).containsExactly("admins", "dev");

    RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();
    OIDCTokenResponse refreshed = exchange(new TokenRequest(provider.getTokenEndpointURI(), client,
        new RefreshTokenGrant(refreshToken)));
    RefreshToken rotated = refreshed.getOIDCTokens().getRefreshToken();
    assertThat(rotated).isNotNull().isNotEqualTo(refreshToken);
    AccessToken refreshedAccess = refreshed.getOIDCTokens().getAccessToken();
    assertThat(userInfo(refreshedAccess).indicatesSuccess()).isTrue();
    assertThat(userInfo(accessToken).indicatesSuccess()).as("the replaced access token").isFalse();

    TokenIntrospectionSuccessResponse active = introspect(client, refreshedAccess);
    assertThat(active.isActive()).isTrue();
    assertThat(active.getClientID()).isEqualTo(APP);
    assertThat(active.getSubject().getValue()).isEqualTo(subject);
    assertThat(active.getScope().toStringList()).contains("openid", "email");

    HTTPResponse revoked = new TokenRevocationRequest(provider.getRevocationEndpointURI(), client, refreshedAccess)
        .toHTTPRequest().send();
    assertThat(revoked.getStatusCode()).isEqualTo(200);
    assertThat(introspect(client, refreshedAccess).isActive()).isFalse();
    assertThat(userInfo(refreshedAccess).indicatesSuccess()).isFalse();

    // The replaced refresh token, presented again, ends the whole grant (RFC 9700 section 4.14.2).
    TokenResponse replay = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(), client,
        new RefreshTokenGrant(refreshToken)).toHTTPRequest().send());
    assertThat(((TokenErrorResponse) replay).getErrorObject().getCode()).isEqualTo("invalid_grant");
    TokenResponse afterReplay = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(), client,
        new RefreshTokenGrant(rotated)).toHTTPRequest().send());
    assertThat(((TokenErrorResponse) afterReplay).getErrorObject().getCode()).isEqualTo("invalid_grant");
  }

  /**
   * RFC 6749 section 4.1.2: a code is honoured once, and when it comes again the tokens it gave
   * are revoked. Eight clients racing with one code: one set of tokens, seven refusals, and the
   * one set is dead once the others have been answered.
   */
  @Test
  void aCodeRedeemedByEightRequestsAtOnceIsHonouredOnceAndItsTokensRevoked() throws Exception {
    ClientAuthentication client = new ClientSecretBasic(APP, new Secret(APP_SECRET));
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
        new Scope("openid", "offline_access"), APP, URI.create(APP_REDIRECT))
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(new State()).codeChallenge(verifier, CodeChallengeMethod.S256).build();
    AuthorizationCode code = AuthenticationResponseParser.parse(URI.create(new UserAgent(gatehouse.baseUrl())
        .authorize(request.toURI(), TestGatehouse.USER, TestGatehouse.PASSWORD).headers().firstValue("Location")
        .orElseThrow())).toSuccessResponse().getAuthorizationCode();

    List<HTTPResponse> answers = Race.of(RACERS, () -> new TokenRequest(provider.getTokenEndpointURI(), client,
        new AuthorizationCodeGrant(code, URI.create(APP_REDIRECT), verifier)).toHTTPRequest().send());

    OIDCTokenResponse winner = onlyWinner(answers);
    assertThat(userInfo(winner.getOIDCTokens().getAccessToken()).indicatesSuccess()).isFalse();
    assertThat(introspect(client, winner.getOIDCTokens().getAccessToken()).isActive()).isFalse();
    assertRefused(new TokenRequest(provider.getTokenEndpointURI(), client,
        new RefreshTokenGrant(winner.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
  }

  /**
   * One refresh token presented by eight requests at once refreshes once; for the others it has
   * been replaced, which is the reuse that revokes the grant (RFC 9700 section 4.14.2).
   */
  @Test
  void aRefreshTokenPresentedByEightRequestsAtOnceRefreshesOnce() throws Exception {
    ClientAuthentication client = new ClientSecretBasic(APP, new Secret(APP_SECRET));
    OIDCTokenResponse issued = exchange(new TokenRequest(provider.getTokenEndpointURI(), client,
        new AuthorizationCodeGrant(codeFor(new Scope("openid", "offline_access")), URI.create(APP_REDIRECT))));
    RefreshToken refreshToken = issued.getOIDCTokens().getRefreshToken();

    List<HTTPResponse> answers = Race.of(RACERS, () -> new TokenRequest(provider.getTokenEndpointURI(), client,
        new RefreshTokenGrant(refreshToken)).toHTTPRequest().send());

    OIDCTokenResponse winner = onlyWinner(answers);
    assertThat(userInfo(winner.getOIDCTokens().getAccessToken()).indicatesSuccess()).isFalse();
    assertRefused(new TokenRequest(provider.getTokenEndpointURI(), client,
        new RefreshTokenGrant(winner.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
  }

  private AuthorizationCode codeFor(Scope scope) throws Exception {
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, scope, APP,
        URI.create(APP_REDIRECT)).endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).build();
    HttpResponse<String> redirect = new UserAgent(gatehouse.baseUrl())
        .authorize(request.toURI(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    return AuthenticationResponseParser.parse(URI.create(redirect.headers().firstValue("Location").orElseThrow()))
        .toSuccessResponse().getAuthorizationCode();
  }

  /** The one successful answer among {@code answers}; every other is invalid_grant, none a 5xx. */
  private static OIDCTokenResponse onlyWinner(List<HTTPResponse> answers) throws Exception {
    assertThat(answers).extracting(HTTPResponse::getStatusCode).as(() -> answers.stream()
        .map(HTTPResponse::getBody).toList().toString()).containsOnly(200, 400).filteredOn(status -> status == 200)
        .hasSize(1);
    HTTPResponse winner = answers.stream().filter(answer -> answer.getStatusCode() == 200).findFirst().orElseThrow();
    answers.stream().filter(answer -> answer != winner).forEach(CodeFlowContract::assertRefused);
    return (OIDCTokenResponse) OIDCTokenResponseParser.parse(winner).toSuccessResponse();
  }

  private static void assertRefused(HTTPResponse answer) {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains("\"invalid_grant\"");
  }

  /** RFC 8707 lets a client name several resources; the grant keeps them and its code still works. */
  @Test
  void aParameterRepeatedInTheAuthorizationRequestLeavesTheCodeRedeemable() throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), APP,
        URI.create(APP_REDIRECT))
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(new State()).nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256)
        .resources(URI.create("https://api-a.example.com"), URI.create("https://api-b.example.com"))
        .build();

    HttpResponse<String> redirect = new UserAgent(gatehouse.baseUrl())
        .authorize(request.toURI(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    AuthorizationCode code = AuthenticationResponseParser.parse(
        URI.create(redirect.headers().firstValue("Location").orElseThrow())).toSuccessResponse().getAuthorizationCode();

    OIDCTokenResponse tokens = exchange(new TokenRequest(provider.getTokenEndpointURI(),
        new ClientSecretBasic(APP, new Secret(APP_SECRET)),
        new AuthorizationCodeGrant(code, URI.create(APP_REDIRECT), verifier)));
    assertThat(userInfo(tokens.getOIDCTokens().getAccessToken()).indicatesSuccess()).isTrue();
  }

  @Test
  void issuerFollowsTheReverseProxyHeaders() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/.well-known/openid-configuration"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "auth.example.com").build();
    String body = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    OIDCProviderMetadata behindProxy = OIDCProviderMetadata.parse(body);
    assertThat(behindProxy.getIssuer().getValue()).isEqualTo("https://auth.example.com");
    assertThat(behindProxy.getTokenEndpointURI()).hasToString("https://auth.example.com/api/oidc/token");

    var withPort = java.net.http.HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/.well-known/openid-configuration"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "auth.example.com:8443").build();
    String portBody = java.net.http.HttpClient.newHttpClient().send(withPort, HttpResponse.BodyHandlers.ofString()).body();
    assertThat(OIDCProviderMetadata.parse(portBody).getIssuer().getValue()).isEqualTo("https://auth.example.com:8443");
  }

  private OIDCTokenResponse exchange(TokenRequest request) throws Exception {
    TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    assertThat(response.indicatesSuccess())
        .as(() -> String.valueOf(response.indicatesSuccess() ? null : response.toErrorResponse().getErrorObject()))
        .isTrue();
    return (OIDCTokenResponse) response.toSuccessResponse();
  }

  private UserInfoResponse userInfo(AccessToken accessToken) throws Exception {
    return UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
        (BearerAccessToken) accessToken).toHTTPRequest().send());
  }

  private TokenIntrospectionSuccessResponse introspect(ClientAuthentication client, AccessToken token)
      throws Exception {
    TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
        provider.getIntrospectionEndpointURI(), client, token).toHTTPRequest().send());
    return response.toSuccessResponse();
  }
}
