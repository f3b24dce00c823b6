package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.WITH_CLIENT;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys Authelia has and Gatehouse does not implement yet: a warning each, never an error. */
class UnsupportedKeysTest {

  private static final String IGNORED = ": not supported by Gatehouse yet and is ignored";

  @Test
  void autheliaOnlySectionsAreWarnedAboutOnceEach() {
    LoadResult result = load(MINIMAL + """
        theme: 'dark'
        access_control:
          default_policy: 'two_factor'
          rules:
            - domain: 'example.com'
              policy: 'one_factor'
        identity_validation:
          reset_password:
            jwt_secret: 'a-secret'
        duo_api:
          disable: true
        ntp:
          address: 'udp://time.cloudflare.com:123'
        password_policy:
          zxcvbn:
            enabled: true
        definitions:
          user_attributes:
            is_admin:
              expression: '"admins" in groups'
        telemetry:
          metrics:
            buffers:
              read: 4096
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration()).isNotNull();
    assertThat(result.warnings()).containsExactly("theme" + IGNORED, "access_control" + IGNORED,
        "identity_validation" + IGNORED, "duo_api" + IGNORED, "ntp" + IGNORED, "password_policy" + IGNORED,
        "definitions.user_attributes" + IGNORED, "telemetry.metrics.buffers" + IGNORED);
  }

  @Test
  void unsupportedKeysInsideSupportedSections() {
    LoadResult result = load(MINIMAL.replace("    path: 'config/users.yml'\n", """
            path: 'config/users.yml'
            password:
              algorithm: 'argon2'
            search:
              email: true
          password_reset:
            disable: true
        """) + """
        server:
          buffers:
            read: 4096
          timeouts:
            read: '6s'
          headers:
            csp_template: 'default-src self'
          endpoints:
            enable_pprof: false
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactlyInAnyOrder(
        "authentication_backend.file.password" + IGNORED,
        "authentication_backend.file.search" + IGNORED,
        "authentication_backend.password_reset" + IGNORED,
        "server.buffers" + IGNORED, "server.timeouts" + IGNORED, "server.headers" + IGNORED,
        "server.endpoints.enable_pprof" + IGNORED);
  }

  @Test
  void unsupportedProviderAndClientKeys() {
    LoadResult result = load(WITH_CLIENT.replace("    clients:\n", """
            enable_client_debug_messages: true
            cors:
              endpoints: ['token']
            clients:
        """) + """
                sector_identifier_uri: 'https://app.example.com/sector.json'
                jwks_uri: 'https://app.example.com/jwks.json'
                request_uris: ['https://app.example.com/request']
                require_pushed_authorization_requests: true
        """);

    assertThat(result.errors()).isEmpty();
    String client = "identity_providers.oidc.clients[0].";
    assertThat(result.warnings()).containsExactlyInAnyOrder(
        "identity_providers.oidc.enable_client_debug_messages" + IGNORED,
        "identity_providers.oidc.cors" + IGNORED,
        client + "sector_identifier_uri" + IGNORED,
        client + "jwks_uri" + IGNORED, client + "request_uris" + IGNORED,
        client + "require_pushed_authorization_requests" + IGNORED);
  }

  @Test
  void anUnknownKeyInsideAnUnsupportedSectionIsStillAnError() {
    LoadResult result = load(MINIMAL + "access_control:\n  default_polcy: 'deny'\n");

    assertThat(result.errors()).containsExactly("access_control.default_polcy: unknown"
        + " configuration key; did you mean 'access_control.default_policy'?");
  }

  @Test
  void deprecatedAutheliaKeysAreMappedWithAutheliasWarning() {
    LoadResult result = load(Fixtures.withClients("""
        - id: 'old'
          secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
          redirect_uris: ['https://old.example.com/cb']
        """).replace("    clients:\n", "    access_token_lifespan: '2h'\n    clients:\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().oidc().clients().get(0).clientId()).isEqualTo("old");
    assertThat(result.configuration().oidc().lifespans().accessToken()).hasHours(2);
    assertThat(result.warnings()).containsExactly(
        "identity_providers.oidc.access_token_lifespan: configuration key"
            + " 'identity_providers.oidc.access_token_lifespan' is deprecated in 4.38.0 and has"
            + " been replaced by 'identity_providers.oidc.lifespans.access_token': you are not"
            + " required to make any changes as this has been automatically mapped for you, but to"
            + " stop this warning being logged you will need to adjust your configuration, and this"
            + " configuration key and auto-mapping is likely to be removed in 5.0.0",
        "identity_providers.oidc.clients[0].id: configuration key"
            + " 'identity_providers.oidc.clients[].id' is deprecated in 4.38.0 and has been"
            + " replaced by 'identity_providers.oidc.clients[].client_id': you are not required to"
            + " make any changes as this has been automatically mapped for you, but to stop this"
            + " warning being logged you will need to adjust your configuration, and this"
            + " configuration key and auto-mapping is likely to be removed in 5.0.0",
        "identity_providers.oidc.clients[0].secret: configuration key"
            + " 'identity_providers.oidc.clients[].secret' is deprecated in 4.38.0 and has been"
            + " replaced by 'identity_providers.oidc.clients[].client_secret': you are not required"
            + " to make any changes as this has been automatically mapped for you, but to stop this"
            + " warning being logged you will need to adjust your configuration, and this"
            + " configuration key and auto-mapping is likely to be removed in 5.0.0");
  }
}
