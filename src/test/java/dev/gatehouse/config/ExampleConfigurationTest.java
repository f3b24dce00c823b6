package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.ConsentMode;
import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.config.schema.PolicyLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped config/configuration.yml, with the LibreChat client pasted from the seed guide. */
class ExampleConfigurationTest {

  private final LoadResult result =
      ConfigurationLoader.load(List.of(Path.of("config/configuration.yml")), Map.of());

  @Test
  void loadsWithoutErrorsAndWithExactlyAutheliasTwoLibreChatWarnings() {
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly(
        "identity_providers.oidc.clients[0].grant_types: identity_providers: oidc: clients: client"
            + " 'librechat': option 'grant_types' should only have the 'refresh_token' value if the"
            + " client is also configured with the 'offline_access' scope",
        "identity_providers.oidc.clients: identity_providers: oidc: clients: warnings for clients"
            + " above indicate deprecated functionality and it's strongly suggested these issues"
            + " are checked and fixed if they're legitimate issues or reported if they are not as"
            + " in a future version these warnings will become errors");
  }

  @Test
  void bindsTheLibreChatClientAsAutheliaWould() {
    OidcClientConfig librechat = result.configuration().oidc().clients().get(0);

    assertThat(librechat.clientId()).isEqualTo("librechat");
    assertThat(librechat.clientName()).isEqualTo("LibreChat");
    assertThat(librechat.clientSecret().encoded()).startsWith("$pbkdf2-sha512$310000$");
    assertThat(librechat.clientSecret().isLegacyPlaintext()).isFalse();
    assertThat(librechat.publicClient()).isFalse();
    assertThat(librechat.redirectUris())
        .containsExactly("https://librechat.example.com/oauth/openid/callback");
    assertThat(librechat.postLogoutRedirectUris()).isEmpty();
    assertThat(librechat.scopes()).containsExactly("openid", "profile", "email");
    assertThat(librechat.grantTypes()).containsExactly("authorization_code", "refresh_token");
    assertThat(librechat.responseTypes()).containsExactly("code");
    assertThat(librechat.responseModes()).containsExactly("form_post", "query");
    assertThat(librechat.authorizationPolicy()).isEqualTo(AuthorizationPolicy.of(PolicyLevel.TWO_FACTOR));
    assertThat(librechat.consentMode()).isEqualTo(ConsentMode.EXPLICIT);
    assertThat(librechat.preConfiguredConsentDuration()).isEqualTo(Duration.ofDays(7));
    assertThat(librechat.requirePkce()).isFalse();
    assertThat(librechat.pkceChallengeMethod()).isNull();
    assertThat(librechat.idTokenSignedResponseAlg()).isEqualTo("RS256");
    assertThat(librechat.accessTokenSignedResponseAlg()).isEqualTo("none");
    assertThat(librechat.userinfoSignedResponseAlg()).isEqualTo("none");
    assertThat(librechat.tokenEndpointAuthMethod()).isEqualTo("client_secret_basic");
    assertThat(librechat.lifespan()).isNull();
  }

  @Test
  void bindsTheOtherSections() {
    Configuration configuration = result.configuration();

    assertThat(configuration.server().host()).isEmpty();
    assertThat(configuration.server().port()).isEqualTo(9091);
    assertThat(configuration.server().path()).isEqualTo("/");
    assertThat(configuration.log().level()).isEqualTo("info");
    assertThat(configuration.authenticationBackend().usersFile()).isEqualTo(Path.of("config/users.yml"));
    assertThat(configuration.authenticationBackend().watch()).isTrue();
    assertThat(configuration.session().cookies()).singleElement().satisfies(cookie -> {
      assertThat(cookie.domain()).isEqualTo("example.com");
      assertThat(cookie.autheliaUrl()).isEqualTo("https://auth.example.com");
    });
    assertThat(configuration.storage().local().path()).isEqualTo(Path.of("data/gatehouse"));
    assertThat(configuration.storage().postgres()).isNull();
    assertThat(configuration.notifier().filesystem().filename())
        .isEqualTo(Path.of("data/notification.txt"));
    assertThat(configuration.regulation().maxRetries()).isEqualTo(3);
    assertThat(configuration.totp().issuer()).isEqualTo("example.com");
    assertThat(configuration.oidc().jwks()).isEmpty();
    assertThat(configuration.oidc().hmacSecret()).isNotBlank();
  }
}
