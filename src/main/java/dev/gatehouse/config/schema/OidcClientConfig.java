package dev.gatehouse.config.schema;

import dev.gatehouse.crypto.PasswordDigest;
import java.time.Duration;
import java.util.List;

/** {@code identity_providers.oidc.clients[]}, with Authelia's defaults applied. */
public record OidcClientConfig(
    String clientId,
    String clientName,
    PasswordDigest clientSecret,
    boolean publicClient,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    List<String> scopes,
    List<String> grantTypes,
    List<String> responseTypes,
    List<String> responseModes,
    AuthorizationPolicy authorizationPolicy,
    ConsentMode consentMode,
    Duration preConfiguredConsentDuration,
    boolean requirePkce,
    String pkceChallengeMethod,
    String idTokenSignedResponseAlg,
    String accessTokenSignedResponseAlg,
    String userinfoSignedResponseAlg,
    String tokenEndpointAuthMethod,
    String lifespan,
    ClaimsPolicy claimsPolicy,
    List<String> audience,
    AudienceMode requestedAudienceMode) {

  /** {@code requested_audience_mode}: what a client gets when it asks for no audience. */
  public enum AudienceMode implements ConfiguredName {
    /** Only what it asks for. */
    EXPLICIT("explicit"),
    /** All of its {@code audience}. */
    IMPLICIT("implicit");

    private final String configured;

    AudienceMode(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }
}
