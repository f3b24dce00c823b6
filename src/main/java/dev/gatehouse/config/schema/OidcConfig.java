package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code identity_providers.oidc}; {@code customScopes} are {@code scopes.<name>.claims}. */
public record OidcConfig(
    String hmacSecret,
    List<Jwk> jwks,
    Lifespans lifespans,
    Map<String, Lifespans> customLifespans,
    PkceEnforcement enforcePkce,
    boolean enablePkcePlainChallenge,
    int minimumParameterEntropy,
    List<OidcClientConfig> clients,
    Map<String, List<String>> customScopes) {

  /** {@code jwks[]}: a PEM private key; key_id and algorithm are derived when absent. */
  public record Jwk(String keyId, String algorithm, String use, String key, String certificateChain) {
  }

  /**
   * {@code lifespans} (and each {@code lifespans.custom.<name>}). In a custom entry a null value
   * means "use the provider-level value".
   */
  public record Lifespans(Duration accessToken, Duration authorizeCode, Duration idToken,
      Duration refreshToken) {
  }
}
