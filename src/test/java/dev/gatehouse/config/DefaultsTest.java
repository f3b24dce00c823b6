package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.WITH_CLIENT;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.ConsentMode;
import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.config.schema.PkceEnforcement;
import dev.gatehouse.config.schema.PolicyLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Authelia's defaults, section by section, when the keys are absent. */
class DefaultsTest {

  private final Configuration minimal = load(MINIMAL).configuration();

  @Test
  void server() {
    assertThat(minimal.server().host()).isEmpty();
    assertThat(minimal.server().port()).isEqualTo(9091);
    assertThat(minimal.server().path()).isEqualTo("/");
  }

  @Test
  void log() {
    assertThat(minimal.log().level()).isEqualTo("info");
    assertThat(minimal.log().format()).isEqualTo("text");
    assertThat(minimal.log().filePath()).isNull();
    assertThat(minimal.log().keepStdout()).isFalse();
  }

  @Test
  void authenticationBackend() {
    assertThat(minimal.authenticationBackend().watch()).isFalse();
  }

  @Test
  void sessionMayBeAbsent() {
    assertThat(minimal.session().name()).isEqualTo("authelia_session");
    assertThat(minimal.session().sameSite()).isEqualTo("lax");
    assertThat(minimal.session().inactivity()).isEqualTo(Duration.ofMinutes(5));
    assertThat(minimal.session().expiration()).isEqualTo(Duration.ofHours(1));
    assertThat(minimal.session().rememberMe()).isEqualTo(Duration.ofDays(30));
    assertThat(minimal.session().cookies()).isEmpty();
  }

  @Test
  void rememberMeMinusOneDisablesIt() {
    Configuration configuration = load(MINIMAL + "session:\n  remember_me: -1\n").configuration();

    assertThat(configuration.session().rememberMe()).isEqualTo(Duration.ofSeconds(-1));
  }

  @Test
  void storageAndNotifier() {
    assertThat(minimal.storage().postgres()).isNull();
    assertThat(minimal.notifier().disableStartupCheck()).isFalse();
    assertThat(minimal.notifier().smtp()).isNull();
  }

  @Test
  void postgres() {
    Configuration configuration = load(MINIMAL.replace("  local:\n    path: 'data/gatehouse'\n", """
          postgres:
            address: 'tcp://db.internal'
            database: 'gatehouse'
            username: 'gatehouse'
        """)).configuration();

    assertThat(configuration.storage().local()).isNull();
    assertThat(configuration.storage().postgres().host()).isEqualTo("db.internal");
    assertThat(configuration.storage().postgres().port()).isEqualTo(5432);
    assertThat(configuration.storage().postgres().schema()).isEqualTo("public");
    assertThat(configuration.storage().postgres().password()).isNull();
    assertThat(configuration.storage().postgres().timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void smtp() {
    Configuration configuration = load(MINIMAL.replace("  filesystem:\n    filename: 'data/notification.txt'\n", """
          smtp:
            address: 'submission://mail.example.com'
            sender: 'Gatehouse <gatehouse@example.com>'
        """)).configuration();

    var smtp = configuration.notifier().smtp();
    assertThat(configuration.notifier().filesystem()).isNull();
    assertThat(smtp.scheme()).isEqualTo("submission");
    assertThat(smtp.host()).isEqualTo("mail.example.com");
    assertThat(smtp.port()).isEqualTo(587);
    assertThat(smtp.identifier()).isEqualTo("localhost");
    assertThat(smtp.subject()).isEqualTo("[Authelia] {title}");
    assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(smtp.username()).isNull();
    assertThat(smtp.disableRequireTls()).isFalse();
    assertThat(smtp.disableStarttls()).isFalse();
    assertThat(smtp.tlsSkipVerify()).isFalse();
  }

  @Test
  void regulation() {
    assertThat(minimal.regulation().modes()).containsExactly("user");
    assertThat(minimal.regulation().maxRetries()).isEqualTo(3);
    assertThat(minimal.regulation().findTime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(minimal.regulation().banTime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void regulationZeroRetriesDisablesIt() {
    assertThat(load(MINIMAL + "regulation:\n  max_retries: 0\n").configuration().regulation()
        .maxRetries()).isZero();
  }

  @Test
  void totp() {
    var totp = minimal.totp();
    assertThat(totp.disable()).isFalse();
    assertThat(totp.issuer()).isEqualTo("Authelia");
    assertThat(totp.algorithm()).isEqualTo("SHA1");
    assertThat(totp.digits()).isEqualTo(6);
    assertThat(totp.period()).isEqualTo(30);
    assertThat(totp.skew()).isEqualTo(1);
    assertThat(totp.secretSize()).isEqualTo(32);
    assertThat(totp.allowedAlgorithms()).containsExactly("SHA1");
    assertThat(totp.allowedDigits()).containsExactly(6);
    assertThat(totp.allowedPeriods()).containsExactly(30);
    assertThat(totp.disableReuseSecurityPolicy()).isFalse();
  }

  @Test
  void totpAlgorithmsAreCaseInsensitiveStoredUpperCaseAndAllowedListsIncludeTheChoice() {
    var totp = load(MINIMAL + """
        totp:
          algorithm: 'sha256'
          digits: 8
          period: 60
          allowed_algorithms: ['sha1']
          allowed_digits: [6]
        """).configuration().totp();

    assertThat(totp.algorithm()).isEqualTo("SHA256");
    assertThat(totp.allowedAlgorithms()).containsExactly("SHA1", "SHA256");
    assertThat(totp.allowedDigits()).containsExactly(6, 8);
    assertThat(totp.allowedPeriods()).containsExactly(60);
  }

  @Test
  void oidcIsNullWhenAbsent() {
    assertThat(minimal.oidc()).isNull();
  }

  @Test
  void oidcProviderAndClient() {
    OidcConfig oidc = load(WITH_CLIENT).configuration().oidc();

    assertThat(oidc.jwks()).isEmpty();
    assertThat(oidc.lifespans()).isEqualTo(new OidcConfig.Lifespans(Duration.ofHours(1),
        Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(90)));
    assertThat(oidc.customLifespans()).isEmpty();
    assertThat(oidc.enforcePkce()).isEqualTo(PkceEnforcement.PUBLIC_CLIENTS_ONLY);
    assertThat(oidc.enablePkcePlainChallenge()).isFalse();
    assertThat(oidc.minimumParameterEntropy()).isEqualTo(8);

    OidcClientConfig client = oidc.clients().get(0);
    assertThat(client.clientName()).isEqualTo("app");
    assertThat(client.publicClient()).isFalse();
    assertThat(client.scopes()).containsExactly("openid", "groups", "profile", "email");
    assertThat(client.grantTypes()).containsExactly("authorization_code");
    assertThat(client.responseTypes()).containsExactly("code");
    assertThat(client.responseModes()).containsExactly("form_post", "query");
    assertThat(client.authorizationPolicy()).isEqualTo(AuthorizationPolicy.of(PolicyLevel.TWO_FACTOR));
    assertThat(client.consentMode()).isEqualTo(ConsentMode.EXPLICIT);
    assertThat(client.preConfiguredConsentDuration()).isEqualTo(Duration.ofDays(7));
    assertThat(client.requirePkce()).isFalse();
    assertThat(client.pkceChallengeMethod()).isNull();
    assertThat(client.idTokenSignedResponseAlg()).isEqualTo("RS256");
    assertThat(client.accessTokenSignedResponseAlg()).isEqualTo("none");
    assertThat(client.userinfoSignedResponseAlg()).isEqualTo("none");
    assertThat(client.tokenEndpointAuthMethod()).isEqualTo("client_secret_basic");
    assertThat(client.postLogoutRedirectUris()).isEmpty();
    assertThat(client.lifespan()).isNull();
  }

  @Test
  void publicClient() {
    OidcClientConfig client = load(Fixtures.withClients("""
        - client_id: 'spa'
          public: true
          pkce_challenge_method: 'S256'
          pre_configured_consent_duration: '2 weeks'
          redirect_uris: ['https://spa.example.com/cb']
          post_logout_redirect_uris: ['https://spa.example.com/']
        """)).configuration().oidc().clients().get(0);

    assertThat(client.tokenEndpointAuthMethod()).isEqualTo("none");
    assertThat(client.clientSecret()).isNull();
    assertThat(client.requirePkce()).isTrue();
    assertThat(client.pkceChallengeMethod()).isEqualTo("S256");
    assertThat(client.consentMode()).isEqualTo(ConsentMode.PRE_CONFIGURED);
    assertThat(client.preConfiguredConsentDuration()).isEqualTo(Duration.ofDays(14));
    assertThat(client.postLogoutRedirectUris()).containsExactly("https://spa.example.com/");
  }
}
