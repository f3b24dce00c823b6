package dev.gatehouse.oidc.clients;

import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.oidc.consent.ClientConsent;
import java.time.Duration;
import java.util.Objects;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Turns an Authelia client block into Spring Authorization Server's registration. */
public final class ClientRegistrationMapper {

  public static final String ID_TOKEN_LIFESPAN = "gatehouse.id-token-time-to-live";

  private final OidcConfig provider;

  public ClientRegistrationMapper(OidcConfig provider) {
    this.provider = provider;
  }

  public RegisteredClient toRegistration(OidcClientConfig client) {
    OidcConfig.Lifespans lifespans = lifespansOf(client);
    RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
        .clientId(client.clientId())
        .clientName(client.clientName())
        .redirectUris(uris -> uris.addAll(client.redirectUris()))
        .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
        .scopes(scopes -> scopes.addAll(client.scopes()))
        .clientSettings(ClientPolicy.configuredFor(client, provider.customScopes())
            .writeTo(ClientConsent.configuredFor(client).writeTo(ClientSettings.builder()))
            .requireProofKey(requiresPkce(client))
            .build())
        .tokenSettings(TokenSettings.builder()
            .accessTokenFormat("none".equals(client.accessTokenSignedResponseAlg())
                ? OAuth2TokenFormat.REFERENCE : OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(lifespans.accessToken())
            .authorizationCodeTimeToLive(lifespans.authorizeCode())
            .refreshTokenTimeToLive(lifespans.refreshToken())
            .reuseRefreshTokens(false)
            .idTokenSignatureAlgorithm(SignatureAlgorithm.from(client.idTokenSignedResponseAlg()))
            .setting(ID_TOKEN_LIFESPAN, lifespans.idToken())
            .build());
    client.grantTypes().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
    if (client.publicClient()) {
      builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    } else {
      // LibreChat has switched between basic and post across releases; both carry the same secret.
      builder.clientSecret(client.clientSecret().encoded())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
    return builder.build();
  }

  private boolean requiresPkce(OidcClientConfig client) {
    return client.requirePkce() || provider.enforcePkce().requiredOf(client.publicClient());
  }

  private OidcConfig.Lifespans lifespansOf(OidcClientConfig client) {
    OidcConfig.Lifespans global = provider.lifespans();
    OidcConfig.Lifespans custom = client.lifespan() == null || client.lifespan().isEmpty()
        ? null : provider.customLifespans().get(client.lifespan());
    if (custom == null) {
      return global;
    }
    return new OidcConfig.Lifespans(
        either(custom.accessToken(), global.accessToken()),
        either(custom.authorizeCode(), global.authorizeCode()),
        either(custom.idToken(), global.idToken()),
        either(custom.refreshToken(), global.refreshToken()));
  }

  private static Duration either(Duration specific, Duration fallback) {
    return Objects.requireNonNullElse(specific, fallback);
  }
}
