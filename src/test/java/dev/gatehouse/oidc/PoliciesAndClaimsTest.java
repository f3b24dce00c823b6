package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.identity.UsersFileDirectory;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may sign in to a client and what it learns, end to end: an authorization policy that lets
 * one group in (and one network), a claims policy that puts groups and a custom claim from an extra
 * attribute into the ID token and the JWT access token, a custom scope, and a refresh refused once
 * the user has left the group.
 */
class PoliciesAndClaimsTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;

  static final String USERS = """
      users:
        john:
          displayname: 'John Doe'
          password: '$plaintext$john_password'
          email: 'john@example.com'
          groups: ['librechat', 'admins']
          extra:
            department: 'Research'
            badge: 1234
        alice:
          displayname: 'Alice Doe'
          password: '$plaintext$alice_password'
          email: 'alice@example.com'
          groups: ['dev']
      """;

  static final String CLIENTS = """
          authorization_policies:
            librechat_users:
              default_policy: 'deny'
              rules:
                - policy: 'one_factor'
                  subject: 'group:librechat'
                - policy: 'one_factor'
                  networks: ['office']
          claims_policies:
            rich:
              id_token: ['groups', 'email', 'preferred_username', 'department']
              access_token: ['groups', 'badge_number']
              custom_claims:
                department: {}
                badge_number:
                  attribute: 'badge'
            merged:
              id_token_audience_mode: 'experimental-merged'
          scopes:
            org:
              claims: ['department', 'badge_number']
          clients:
            - client_id: 'app'
              client_name: 'Test App'
              client_secret: '%s'
              authorization_policy: 'librechat_users'
              claims_policy: 'rich'
              consent_mode: 'implicit'
              redirect_uris: ['%s']
              audience: ['https://api.example.com']
              scopes: ['openid', 'profile', 'email', 'groups', 'org', 'offline_access']
              grant_types: ['authorization_code', 'refresh_token']
              access_token_signed_response_alg: 'RS256'
            - client_id: 'merged'
              client_secret: '%s'
              authorization_policy: 'one_factor'
              claims_policy: 'merged'
              consent_mode: 'implicit'
              redirect_uris: ['%s']
              audience: ['https://api.example.com', 'https://files.example.com']
              requested_audience_mode: 'implicit'
              access_token_signed_response_alg: 'RS256'
      """.formatted(TestGatehouse.APP_SECRET_DIGEST, APP_REDIRECT, TestGatehouse.APP_SECRET_DIGEST, APP_REDIRECT);

  static final String OVERRIDES = """
      definitions:
        network:
          office: ['198.51.100.0/24']
      authentication_backend:
        file:
          extra_attributes:
            department:
              value_type: 'string'
            badge:
              value_type: 'integer'
      """;

  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.startWithOverrides(directory, CLIENTS, OVERRIDES, USERS);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void aMemberGetsGroupsAndCustomClaimsInTheIdTokenAndAJwtAccessToken() throws Exception {
    Map<String, Object> tokens = tokensFor(signIn("john", "john_password", ""));

    JWTClaimsSet idToken = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();
    assertThat(idToken.getStringListClaim("groups")).containsExactly("librechat", "admins");
    assertThat(idToken.getStringClaim("email")).isEqualTo("john@example.com");
    assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("john");
    assertThat(idToken.getStringClaim("department")).isEqualTo("Research");
    assertThat(idToken.getClaim("name")).as("profile claims stay at userinfo").isNull();
    assertThat(idToken.getAudience()).containsExactly("app");

    String accessToken = (String) tokens.get("access_token");
    SignedJWT jwt = SignedJWT.parse(accessToken);
    assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
    JWTClaimsSet claims = verifiedAccessToken(accessToken);
    assertThat(claims.getAudience()).containsExactly("app");
    assertThat(claims.getStringClaim("client_id")).isEqualTo("app");
    assertThat(claims.getStringClaim("scope").split(" "))
        .containsExactlyInAnyOrder("openid", "profile", "email", "groups", "org", "offline_access");
    assertThat(claims.getSubject()).isEqualTo(idToken.getSubject());
    assertThat(claims.getIssuer()).isEqualTo(gatehouse.baseUrl());
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getClaim("auth_time")).isInstanceOf(Long.class);
    assertThat(claims.getStringListClaim("groups")).containsExactly("librechat", "admins");
    assertThat(claims.getLongClaim("badge_number")).isEqualTo(1234L);
    assertThat(claims.getClaim("email")).as("not in the claims policy's access_token list").isNull();

    Map<String, Object> userinfo = userinfo(accessToken);
    assertThat(userinfo).containsEntry("department", "Research").containsEntry("badge_number", 1234L)
        .containsEntry("name", "John Doe").containsEntry("email", "john@example.com");
    Map<String, Object> introspection = introspect(accessToken);
    assertThat(introspection).containsEntry("active", true).containsEntry("client_id", "app")
        .containsEntry("token_type", "Bearer").containsEntry("sub", idToken.getSubject());
    assertThat(((String) introspection.get("scope")).split(" "))
        .containsExactlyInAnyOrder("openid", "profile", "email", "groups", "org", "offline_access");

    HttpResponse<String> revoked = tokenEndpoint("/api/oidc/revocation", "token=" + accessToken);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(introspect(accessToken)).containsEntry("active", false);
    assertThat(userinfoResponse(accessToken).statusCode()).isEqualTo(401);
  }

  @Test
  void anAllowedAudienceJoinsTheClientInTheAccessTokenAndAnUnknownOneIsInvalidTarget() throws Exception {
    String unknown = URLEncoder.encode("https://api.example.com https://elsewhere.example.com",
        StandardCharsets.UTF_8);
    assertThat(new UserAgent(gatehouse.baseUrl()).get(request("&audience=" + unknown)).headers()
        .firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?error=invalid_target");

    Map<String, Object> tokens = tokensFor(signIn("john", "john_password",
        "&audience=" + URLEncoder.encode("https://api.example.com", StandardCharsets.UTF_8)));

    assertThat(verifiedAccessToken((String) tokens.get("access_token")).getAudience())
        .containsExactly("app", "https://api.example.com");
    assertThat(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getAudience())
        .as("id_token_audience_mode: specification").containsExactly("app");
  }

  @Test
  void implicitAudienceModeGrantsTheWholeListAndMergedModePutsItInTheIdTokenToo() throws Exception {
    Map<String, Object> tokens = tokensFor("merged", signIn("merged", "john", "john_password", ""));

    List<String> expected = List.of("merged", "https://api.example.com", "https://files.example.com");
    assertThat(verifiedAccessToken((String) tokens.get("access_token")).getAudience())
        .containsExactlyElementsOf(expected);
    assertThat(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getAudience())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void discoveryAdvertisesTheCustomScopeAndItsClaims() throws Exception {
    Map<String, Object> discovery = JSONObjectUtils.parse(http.send(HttpRequest.newBuilder(
        URI.create(gatehouse.baseUrl() + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(JSONObjectUtils.getStringList(discovery, "scopes_supported")).contains("groups", "org");
    assertThat(JSONObjectUtils.getStringList(discovery, "claims_supported")).contains("department", "badge_number");
  }

  @Test
  void aUserOutsideThePolicyIsToldSoAndMayGoBackWithAccessDenied() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = browser.authorize(request(""), "alice", "alice_password");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Your account is not allowed to use <span>Test App</span>")
        .doesNotContain("?code=");
    String back = page.body().replaceAll("(?s).*id=\"return-to-client\"[^>]*href=\"([^\"]+)\".*", "$1")
        .replace("&amp;", "&");
    assertThat(back).startsWith(APP_REDIRECT + "?error=access_denied&error_description=")
        .contains("state=0123456789abcdef").contains("iss=");
    assertThat(browser.follow(browser.get(URI.create(gatehouse.baseUrl() + "/"))).body())
        .as("the session stays signed in").contains("alice");
    assertThat(browser.get(request("&prompt=none")).headers().firstValue("Location").orElseThrow())
        .as("prompt=none: straight to the client").startsWith(APP_REDIRECT + "?error=access_denied");
  }

  @Test
  void aUserDisabledSinceSigningInGetsNoMoreCodes() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    assertThat(browser.authorize(request(""), "john", "john_password").headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith(APP_REDIRECT + "?code="));
    Path users = directory.resolve("users.yml");
    try {
      Files.writeString(users, USERS.replace("    email: 'john@example.com'\n",
          "    email: 'john@example.com'\n    disabled: true\n"));
      assertThat(gatehouse.bean(UsersFileDirectory.class).reload()).isEmpty();

      HttpResponse<String> again = browser.get(request(""));
      assertThat(again.statusCode()).isEqualTo(403);
      assertThat(again.body()).contains("Your account is not allowed to use").doesNotContain("?code=");
    } finally {
      Files.writeString(users, USERS);
      gatehouse.bean(UsersFileDirectory.class).reload();
    }
  }

  @Test
  void aNetworkRuleLetsAnyoneInFromThatNetworkBehindTheTrustedProxy() {
    UserAgent office = new UserAgent(gatehouse.baseUrl()).comingFrom("198.51.100.7");
    assertThat(office.authorize(request(""), "alice", "alice_password").headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith(APP_REDIRECT + "?code="));
  }

  @Test
  void aRefreshAfterTheUserLeftTheGroupIsRefused() throws Exception {
    Map<String, Object> tokens = tokensFor(signIn("john", "john_password", ""));
    String refreshToken = (String) tokens.get("refresh_token");
    HttpResponse<String> first = tokenEndpoint("/api/oidc/token", "grant_type=refresh_token&refresh_token="
        + refreshToken);
    assertThat(first.statusCode()).isEqualTo(200);
    Map<String, Object> refreshed = JSONObjectUtils.parse(first.body());

    Path users = directory.resolve("users.yml");
    try {
      Files.writeString(users, USERS.replace("groups: ['librechat', 'admins']", "groups: ['admins']"));
      assertThat(gatehouse.bean(UsersFileDirectory.class).reload()).isEmpty();

      HttpResponse<String> refused = tokenEndpoint("/api/oidc/token", "grant_type=refresh_token&refresh_token="
          + refreshed.get("refresh_token"));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(JSONObjectUtils.parse(refused.body())).containsEntry("error", "invalid_grant");
      assertThat(userinfoResponse((String) refreshed.get("access_token")).statusCode())
          .as("the grant is revoked with its access token").isEqualTo(401);
    } finally {
      Files.writeString(users, USERS);
      gatehouse.bean(UsersFileDirectory.class).reload();
    }
  }

  private static String signIn(String username, String password, String extra) {
    return signIn("app", username, password, extra);
  }

  private static String signIn(String client, String username, String password, String extra) {
    HttpResponse<String> back = new UserAgent(gatehouse.baseUrl())
        .authorize(request(client, extra), username, password);
    String location = back.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(APP_REDIRECT + "?code=");
    return URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> tokensFor(String code) throws Exception {
    return tokensFor("app", code);
  }

  private static Map<String, Object> tokensFor(String client, String code) throws Exception {
    HttpResponse<String> response = tokenEndpoint(client, "/api/oidc/token", "grant_type=authorization_code&code="
        + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&redirect_uri="
        + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSONObjectUtils.parse(response.body());
  }

  private static JWTClaimsSet verifiedAccessToken(String token) throws Exception {
    JWKSet keys = JWKSet.load(URI.create(gatehouse.baseUrl() + "/jwks.json").toURL());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    return processor.process(token, null);
  }

  private static Map<String, Object> userinfo(String accessToken) throws Exception {
    HttpResponse<String> response = userinfoResponse(accessToken);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSONObjectUtils.parse(response.body());
  }

  private static HttpResponse<String> userinfoResponse(String accessToken) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/api/oidc/userinfo"))
        .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> introspect(String token) throws Exception {
    return JSONObjectUtils.parse(tokenEndpoint("/api/oidc/introspection", "token=" + token).body());
  }

  private static HttpResponse<String> tokenEndpoint(String path, String form) throws Exception {
    return tokenEndpoint("app", path, form);
  }

  private static HttpResponse<String> tokenEndpoint(String client, String path, String form) throws Exception {
    String basic = Base64.getEncoder().encodeToString((client + ":" + TestGatehouse.APP_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI request(String extra) {
    return request("app", extra);
  }

  private static URI request(String client, String extra) {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=" + client
        + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=" + URLEncoder.encode(client.equals("app") ? "openid profile email groups org offline_access"
            : "openid profile email", StandardCharsets.UTF_8)
        + "&state=0123456789abcdef" + extra);
  }
}
