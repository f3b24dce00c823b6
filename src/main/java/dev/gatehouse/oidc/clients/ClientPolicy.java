package dev.gatehouse.oidc.clients;

import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.oidc.claims.ClaimsRelease;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.util.StringUtils;

/**
 * Who may use a client and what it learns, carried in its {@link ClientSettings} as
 * {@link dev.gatehouse.oidc.consent.ClientConsent} is: its authorization policy, the claims its
 * claims policy releases, and the audiences it may ask for.
 *
 * @param audience the client's {@code audience}: what it may ask for with the {@code audience} parameter
 * @param implicitAudience whether asking for none grants all of {@code audience}
 * @param accessTokenAlgorithm the JWS algorithm of its JWT access tokens; null when they are opaque
 */
public record ClientPolicy(AuthorizationPolicy authorization, ClaimsRelease claims, List<String> audience,
    boolean implicitAudience, String accessTokenAlgorithm) {

  /** The authorization request parameter a client asks for audiences with, space-separated. */
  public static final String AUDIENCE_PARAMETER = "audience";

  private static final String SETTING = "gatehouse.policy";

  public ClientPolicy {
    audience = List.copyOf(audience);
  }

  public static ClientPolicy configuredFor(OidcClientConfig client, Map<String, List<String>> customScopes) {
    return new ClientPolicy(client.authorizationPolicy(),
        ClaimsRelease.of(client.claimsPolicy(), client.scopes(), customScopes), client.audience(),
        client.requestedAudienceMode() == OidcClientConfig.AudienceMode.IMPLICIT,
        "none".equals(client.accessTokenSignedResponseAlg()) ? null : client.accessTokenSignedResponseAlg());
  }

  public static ClientPolicy of(RegisteredClient client) {
    ClientPolicy policy = client.getClientSettings().getSetting(SETTING);
    return Objects.requireNonNull(policy, () -> "client " + client.getClientId() + " has no policy setting");
  }

  public ClientSettings.Builder writeTo(ClientSettings.Builder settings) {
    return settings.setting(SETTING, this);
  }

  /** The audience granted for the authorization request behind {@code grant}. */
  public List<String> grantedAudience(OAuth2Authorization grant) {
    OAuth2AuthorizationRequest request = grant == null ? null
        : grant.getAttribute(OAuth2AuthorizationRequest.class.getName());
    Object asked = request == null ? null : request.getAdditionalParameters().get(AUDIENCE_PARAMETER);
    return grantedAudience(asked instanceof String text ? List.of(StringUtils.tokenizeToStringArray(text, " "))
        : List.of());
  }

  /**
   * The audience granted for what the client asked: the asked-for values it may have, or with
   * {@code requested_audience_mode: implicit} and nothing asked, all of them.
   */
  public List<String> grantedAudience(Collection<String> requested) {
    if (requested.isEmpty()) {
      return implicitAudience ? audience : List.of();
    }
    Set<String> granted = new LinkedHashSet<>(requested);
    granted.retainAll(audience);
    return new ArrayList<>(granted);
  }
}
