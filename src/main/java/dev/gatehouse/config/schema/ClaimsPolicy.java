package dev.gatehouse.config.schema;

import java.util.List;
import java.util.Map;

/**
 * {@code identity_providers.oidc.claims_policies.<name>}: which of the claims the granted scopes
 * release also go into the ID token and the JWT access token, and custom claims drawn from user
 * attributes, which custom scopes release.
 *
 * @param idToken claims put in the ID token (Authelia 4.39 puts only the required ones there)
 * @param accessToken claims put in a JWT access token
 * @param audienceMode whether the ID token's {@code aud} holds the granted audience too
 * @param customClaims by claim name as a scope lists it
 */
public record ClaimsPolicy(String name, List<String> idToken, List<String> accessToken,
    IdTokenAudienceMode audienceMode, Map<String, CustomClaim> customClaims) {

  /** The policy of a client that names none. */
  public static final ClaimsPolicy NONE =
      new ClaimsPolicy("", List.of(), List.of(), IdTokenAudienceMode.SPECIFICATION, Map.of());

  public ClaimsPolicy {
    idToken = List.copyOf(idToken);
    accessToken = List.copyOf(accessToken);
    customClaims = Map.copyOf(customClaims);
  }

  /**
   * A custom claim: the name it has in tokens and userinfo, and the user attribute it carries.
   * Both default to the claim's key.
   */
  public record CustomClaim(String name, String attribute) {
  }

  /** {@code id_token_audience_mode}. */
  public enum IdTokenAudienceMode implements ConfiguredName {
    /** Only the client, as OpenID Connect Core 2 expects. */
    SPECIFICATION("specification"),
    /** The client and the granted audience. */
    EXPERIMENTAL_MERGED("experimental-merged");

    private final String configured;

    IdTokenAudienceMode(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }
}
