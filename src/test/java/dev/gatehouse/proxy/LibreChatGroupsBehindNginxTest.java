package dev.gatehouse.proxy;

import static dev.gatehouse.proxy.LibreChatStage.pages;
import static dev.gatehouse.proxy.LibreChatStage.replaceOnce;
import static dev.gatehouse.proxy.LibreChatStage.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreChat gating its users by group, the way admins combine Gatehouse's authorization policies
 * with LibreChat's own role variables: the client is open to group {@code librechat} only (two
 * factors; everyone else denied), its claims policy puts {@code groups} in the ID token and in a
 * JWT access token, and LibreChat checks the same group again (OPENID_REQUIRED_ROLE), makes
 * {@code admins} its ADMINs (OPENID_ADMIN_ROLE, newest only) and, with OPENID_REUSE_TOKENS, verifies
 * the reused IdP token against Gatehouse's JWKS on its API (newest only).
 *
 * <p>john (librechat, admins) gets in with each LibreChat generation; harry (dev) is refused by
 * Gatehouse right after his password — before any second factor — on a page that names the
 * client, and its way back brings LibreChat {@code error=access_denied}, so LibreChat never sees a
 * token. One Gatehouse, one nginx and one enrolled TOTP device serve all runs; the runs are
 * ordered so that john's first one enrols the device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibreChatGroupsBehindNginxTest {

  static final String HARRY = "harry";
  static final String HARRY_PASSWORD = "harry_password";

  /** Gatehouse's side: the policy and claims policy the client names, at identity_providers.oidc's indent. */
  static final String POLICIES = """
          authorization_policies:
            librechat_users:
              default_policy: 'deny'
              rules:
                - policy: 'two_factor'
                  subject: 'group:librechat'
          claims_policies:
            librechat:
              id_token: ['groups', 'email', 'email_verified', 'preferred_username', 'name']
              access_token: ['groups']
      """;

  /** LibreChat's gate on the group, read from the ID token without verifying it. */
  static final Map<String, String> REQUIRED_ROLE = Map.of(
      "OPENID_REQUIRED_ROLE", "librechat",
      "OPENID_REQUIRED_ROLE_PARAMETER_PATH", "groups",
      "OPENID_REQUIRED_ROLE_TOKEN_KIND", "id");

  LibreChatStage stage;
  String johnSub;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    stage = LibreChatStage.start(directory, LibreChatGroupsBehindNginxTest::startGatehouse);
  }

  @AfterAll
  void stop() {
    if (stage != null) {
      stage.close();
    }
  }

  /** v0.7.5 … v0.7.8: john's group is in the ID token, LibreChat's role gate lets him in. */
  @Test
  @Order(1)
  void johnInTheGroupLogsInToLibreChat075To078() {
    Map<?, ?> summary = logIn("rp-v5.mjs", "v5-john", "openid profile email groups", REQUIRED_ROLE);
    assertThat(pages(summary)).as("the first login enrols the device: %s", summary)
        .containsExactly("password", "identity-verification", "totp-enrolment");
    assertThat(summary.get("role")).isEqualTo("USER");
  }

  /**
   * Newest LibreChat: the role gate, john made ADMIN from {@code admins}, and the reused tokens
   * verified on LibreChat's API against Gatehouse's JWKS — the id_token (newest bearer) and the JWT
   * access token (typ at+jwt, the bearer of v0.7.9 … v0.8.2), each with {@code librechat} among
   * its audiences.
   */
  @Test
  @Order(2)
  void johnIsAdminAndHisReusedTokensVerifyInNewestLibreChat() {
    Map<String, String> extra = new LinkedHashMap<>(REQUIRED_ROLE);
    extra.put("OPENID_ADMIN_ROLE", "admins");
    extra.put("OPENID_ADMIN_ROLE_PARAMETER_PATH", "groups");
    extra.put("OPENID_ADMIN_ROLE_TOKEN_KIND", "id");
    extra.put("OPENID_REUSE_TOKENS", "true");
    Map<?, ?> summary = logIn("rp-v6.mjs", "v6-john", "openid profile email groups offline_access", extra);
    assertThat(summary.get("role")).as("OPENID_ADMIN_ROLE=admins: %s", summary).isEqualTo("ADMIN");

    Map<?, ?> reuse = (Map<?, ?>) summary.get("reuse");
    assertThat(reuse).as("token reuse: %s", summary).isNotNull();
    assertThat(reuse.get("refresh_token")).as("offline_access gave LibreChat a refresh token: %s", reuse)
        .isEqualTo(true);
    assertThat(reuse.get("problem")).as("setOpenIDAuthTokens: %s", reuse).isNull();
    assertThat(reuse.get("bearer")).isEqualTo("id_token");
    Map<?, ?> api = (Map<?, ?>) reuse.get("api");
    Map<?, ?> idToken = (Map<?, ?>) api.get("id_token");
    assertThat(idToken.get("verified")).as("the id_token as LibreChat's bearer: %s", idToken).isEqualTo(true);
    assertThat(strings(idToken.get("aud"))).contains("librechat");
    Map<?, ?> accessToken = (Map<?, ?>) api.get("access_token");
    assertThat(accessToken.get("jwt")).as("a JWT access token: %s", accessToken).isEqualTo(true);
    assertThat(accessToken.get("typ")).as("RFC 9068 header: %s", accessToken).isEqualTo("at+jwt");
    assertThat(accessToken.get("alg")).isEqualTo("RS256");
    assertThat(strings(accessToken.get("aud"))).as("audience: %s", accessToken).contains("librechat");
    assertThat(accessToken.get("verified")).as("openidJwt on the access token: %s", accessToken).isEqualTo(true);
  }

  /** v0.7.5 … v0.7.8: Gatehouse refuses harry after his password; LibreChat shows its login page. */
  @Test
  @Order(3)
  void harryOutsideTheGroupIsRefusedByGatehouseForLibreChat075To078() {
    Map<?, ?> summary = refused("rp-v5.mjs", "v5-harry");
    Map<?, ?> shows = (Map<?, ?>) summary.get("librechat_shows");
    assertThat(String.valueOf(shows.get("failures"))).as("passport's message on LibreChat's login page: %s", summary)
        .contains("access_denied");
  }

  /** Newest LibreChat: the same refusal ends on /login?redirect=false&error=auth_failed. */
  @Test
  @Order(4)
  void harryOutsideTheGroupIsRefusedByGatehouseForNewestLibreChat() {
    Map<?, ?> summary = refused("rp-v6.mjs", "v6-harry");
    Map<?, ?> shows = (Map<?, ?>) summary.get("librechat_shows");
    assertThat((String) shows.get("at")).as("LibreChat's failure redirect: %s", summary)
        .endsWith("/login?redirect=false&error=auth_failed");
    assertThat(((Map<?, ?>) shows.get("callback")).get("error")).as("openid-client's failure: %s", summary)
        .isEqualTo("access_denied");
  }

  /** john's runs: in LibreChat, the group in the ID token, the gate passed, the same sub each time. */
  private Map<?, ?> logIn(String script, String name, String scope, Map<String, String> extra) {
    Map<String, Object> summary = run(script, name, TestGatehouse.USER, TestGatehouse.PASSWORD, false, scope, extra);
    assertThat(summary.get("outcome")).as("outcome: %s", summary).isEqualTo("logged_in");
    assertThat(summary.get("email")).isEqualTo("john@example.com");
    assertThat(strings(summary.get("amr"))).as("amr: %s", summary).contains("pwd", "otp", "mfa");
    assertThat(strings(summary.get("id_token_claims"))).as("ID token claims: %s", summary).contains("groups");
    assertThat(strings(summary.get("groups"))).contains("librechat", "admins");
    assertThat(((Map<?, ?>) summary.get("required_role")).get("passed")).as("OPENID_REQUIRED_ROLE: %s", summary)
        .isEqualTo(true);
    if (johnSub == null) {
      johnSub = (String) summary.get("sub");
    } else {
      assertThat(summary.get("sub")).isEqualTo(johnSub);
      assertThat(pages(summary)).as("a later login uses the enrolled device: %s", summary)
          .containsExactly("password", "totp");
    }
    return summary;
  }

  /** harry's runs: Gatehouse's refusal page, its way back, and LibreChat without a token. */
  private Map<?, ?> refused(String script, String name) {
    Map<String, Object> summary = run(script, name, HARRY, HARRY_PASSWORD, true, "openid profile email groups",
        REQUIRED_ROLE);
    assertThat(summary.get("outcome")).as("outcome: %s", summary).isEqualTo("refused_by_provider");
    assertThat(strings(summary.get("steps"))).as("denied right after the password: %s", summary)
        .containsExactly("password", "denied");
    Map<?, ?> denied = (Map<?, ?>) summary.get("denied_page");
    assertThat((String) denied.get("page")).as("Gatehouse's refusal page: %s", summary)
        .contains("Your account is not allowed to use").contains("LibreChat");
    assertThat(((Map<?, ?>) summary.get("authorization_error")).get("error")).isEqualTo("access_denied");
    assertThat(strings(summary.get("authorization_response"))).as("RFC 9207 iss with the error: %s", summary)
        .contains("error", "state", "iss");
    assertThat(summary.get("token_endpoint_auth_method")).as("no token request: %s", summary).isEqualTo("");
    assertThat(summary.get("sub")).isNull();
    return summary;
  }

  private Map<String, Object> run(String script, String name, String username, String password, boolean refused,
      String scope, Map<String, String> extra) {
    Map<String, String> environment = stage.environment(username, password, "librechat-groups-" + name);
    environment.put("OPENID_SCOPE", scope);
    environment.put("E2E_EXPECT", refused ? "refused" : "login");
    environment.putAll(extra);
    NodeRelyingParty.Result result = stage.run(script, name, environment);
    Map<String, Object> summary = result.summary();
    assertThat(strings(summary.get("errors"))).as("errors: %s", result).isEmpty();
    assertThat(result.exitCode()).as("exit code: %s", result).isZero();
    return summary;
  }

  /**
   * The seed's LibreChat client block, given the group policy, the claims policy, RFC 9068 access
   * tokens and the groups and offline_access scopes; its other lines as the seed writes them.
   */
  static String groupsClient(String seed) {
    String client = replaceOnce(seed, "(?m)^(\\s+)authorization_policy: 'two_factor'$",
        "$1authorization_policy: 'librechat_users'\n$1claims_policy: 'librechat'");
    client = replaceOnce(client, "(?m)^(\\s+)access_token_signed_response_alg: 'none'$",
        "$1access_token_signed_response_alg: 'RS256'");
    return replaceOnce(client, "(?m)^(\\s+)scopes:\\n(?:\\s+- '[a-z_]+'\\n)+",
        "$1scopes: ['openid', 'profile', 'email', 'groups', 'offline_access']\n");
  }

  private static TestGatehouse startGatehouse(LibreChatStage stage) {
    String users = """
        users:
          john:
            displayname: 'John Doe'
            password: '$plaintext$%s'
            email: 'john@example.com'
            given_name: 'John'
            family_name: 'Doe'
            groups: ['librechat', 'admins']
          harry:
            displayname: 'Harry Hill'
            password: '$plaintext$%s'
            email: 'harry@example.com'
            groups: ['dev']
        """.formatted(TestGatehouse.PASSWORD, HARRY_PASSWORD);
    return TestGatehouse.start(stage.directory, POLICIES + groupsClient(stage.seedClient()),
        TestGatehouse.storageLocal(stage.directory), TestGatehouse.filesystemNotifier(stage.directory), users);
  }
}
