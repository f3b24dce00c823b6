package dev.gatehouse.oidc.claims;

import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.config.schema.StandardScopes;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one client learns of a user, as Authelia's claims strategy decides it: each granted scope
 * releases its claims (the standard scopes theirs, a custom scope those it lists, drawn from the
 * client's claims policy's custom claims); userinfo gets them all, the ID token and a JWT access
 * token only those the claims policy names for them. Claims without a value are left out.
 *
 * <p>{@code updated_at} is left out: users.yml does not say when a user changed, and Authelia's
 * value (the time of the request) would only mislead a client.
 */
public final class ClaimsRelease {

  /** A client without claims policy or custom scopes. */
  public static final ClaimsRelease DEFAULT = new ClaimsRelease(StandardScopes.CLAIMS, ClaimsPolicy.NONE);

  private final Map<String, Map<String, String>> scopes;
  private final ClaimsPolicy policy;

  private ClaimsRelease(Map<String, Map<String, String>> scopes, ClaimsPolicy policy) {
    this.scopes = scopes;
    this.policy = policy;
  }

  /**
   * The release for a client: its claims policy, and the custom scopes among its scopes, whose
   * claims are its policy's custom claims, or the standard claim or attribute of that name.
   */
  public static ClaimsRelease of(ClaimsPolicy policy, Collection<String> clientScopes,
      Map<String, List<String>> customScopes) {
    Map<String, Map<String, String>> scopes = new LinkedHashMap<>(StandardScopes.CLAIMS);
    customScopes.forEach((scope, claims) -> {
      if (clientScopes.contains(scope) && !StandardScopes.CLAIMS.containsKey(scope)) {
        Map<String, String> attributes = new LinkedHashMap<>();
        claims.forEach(claim -> attributes.put(claim, attributeOf(claim, policy)));
        scopes.put(scope, attributes);
      }
    });
    return new ClaimsRelease(Map.copyOf(scopes), policy);
  }

  /** The claims a scope releases, none for a scope that releases none ({@code openid}, {@code offline_access}). */
  public Collection<String> claimsOf(String scope) {
    return scopes.getOrDefault(scope, Map.of()).keySet();
  }

  /** The claims a scope releases that {@code user} has a value for, in the order of {@link #claimsOf(String)}. */
  public List<String> claimsOf(String scope, User user) {
    Map<String, Object> values = userinfo(user, List.of(scope));
    return claimsOf(scope).stream().filter(values::containsKey).toList();
  }

  /** All that the scopes release, for userinfo. */
  public Map<String, Object> userinfo(User user, Collection<String> grantedScopes) {
    return released(user, grantedScopes, claim -> true);
  }

  /** What the claims policy puts in the ID token. */
  public Map<String, Object> idToken(User user, Collection<String> grantedScopes) {
    return released(user, grantedScopes, policy.idToken()::contains);
  }

  /** What the claims policy puts in a JWT access token. */
  public Map<String, Object> accessToken(User user, Collection<String> grantedScopes) {
    return released(user, grantedScopes, policy.accessToken()::contains);
  }

  /** Whether the ID token's audience holds the granted audience too ({@code experimental-merged}). */
  public boolean mergesAudienceIntoIdToken() {
    return policy.audienceMode() == ClaimsPolicy.IdTokenAudienceMode.EXPERIMENTAL_MERGED;
  }

  private Map<String, Object> released(User user, Collection<String> grantedScopes, Predicate<String> allowed) {
    Map<String, Object> claims = new HashMap<>();
    for (String scope : grantedScopes) {
      scopes.getOrDefault(scope, Map.of()).forEach((claim, attribute) -> {
        Object value = allowed.test(claim) ? UserAttributes.valueOf(user, attribute) : null;
        if (value != null && !"".equals(value)) {
          claims.putIfAbsent(claim, value);
        }
      });
    }
    return claims;
  }

  private static String attributeOf(String claim, ClaimsPolicy policy) {
    String standard = StandardScopes.CLAIMS.values().stream().map(claims -> claims.get(claim))
        .filter(attribute -> attribute != null).findFirst().orElse(null);
    if (standard != null) {
      return standard;
    }
    return policy.customClaims().entrySet().stream()
        .filter(custom -> custom.getValue().name().equals(claim))
        .map(custom -> custom.getValue().attribute())
        .findFirst().orElse(claim);
  }
}
