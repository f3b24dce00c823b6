package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.ClaimsPolicy.CustomClaim;
import dev.gatehouse.config.schema.ClaimsPolicy.IdTokenAudienceMode;
import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.config.schema.UserAttributeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code identity_providers.oidc.claims_policies} and {@code identity_providers.oidc.scopes}, with
 * Authelia's checks and words (its {@code validateOIDCClaims} and {@code validateOIDCScopes}):
 * claims that tokens reserve for themselves are refused, claims must be standard or custom, and a
 * custom claim's attribute must be a user attribute.
 */
final class ClaimsPolicyBinder {

  /** Authelia's validOIDCClientClaims: the claims it can give of a user. */
  static final List<String> KNOWN_CLAIMS = List.of("name", "given_name", "family_name", "middle_name", "nickname",
      "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
      "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "groups", "alt_emails", "rat",
      "updated_at");
  /**
   * Claims the token itself sets (validOIDCReservedClaims); the ID token's list lacks
   * {@code client_id}, {@code scp} and {@code updated_at}.
   */
  private static final Set<String> RESERVED_CLAIMS = Set.of("jti", "azp", "client_id", "scope", "scp", "iss", "sub",
      "aud", "sid", "s_hash", "c_hash", "iat", "updated_at", "nbf", "exp", "auth_time", "amr", "acr", "nonce");
  private static final Set<String> RESERVED_ID_TOKEN_CLAIMS = Set.of("jti", "azp", "scope", "iss", "sub", "aud",
      "sid", "s_hash", "c_hash", "iat", "nbf", "exp", "auth_time", "amr", "acr", "nonce");
  static final List<String> STANDARD_SCOPES = List.of("openid", "email", "profile", "address", "phone", "groups",
      "offline_access", "offline", "authelia.bearer.authz");

  private ClaimsPolicyBinder() {
  }

  /** The claims policies by name. */
  static Map<String, ClaimsPolicy> policies(ConfigNode policies, Set<String> extraAttributes) {
    Map<String, ClaimsPolicy> bound = new LinkedHashMap<>();
    policies.entries().forEach((name, node) -> bound.put(name, policy(name, node, extraAttributes)));
    return bound;
  }

  private static ClaimsPolicy policy(String name, ConfigNode node, Set<String> extraAttributes) {
    Map<String, CustomClaim> custom = customClaims(node.child("custom_claims"), extraAttributes);
    List<String> customNames = custom.values().stream().map(CustomClaim::name).toList();
    List<String> idToken = claimList(node.child("id_token"), RESERVED_ID_TOKEN_CLAIMS, customNames);
    List<String> accessToken = claimList(node.child("access_token"), RESERVED_CLAIMS, customNames);
    IdTokenAudienceMode audienceMode = node.child("id_token_audience_mode")
        .choice(IdTokenAudienceMode.SPECIFICATION, IdTokenAudienceMode.class);
    return new ClaimsPolicy(name, idToken, accessToken, audienceMode, custom);
  }

  private static Map<String, CustomClaim> customClaims(ConfigNode node, Set<String> extraAttributes) {
    Map<String, CustomClaim> claims = new LinkedHashMap<>();
    Map<String, String> keyByName = new HashMap<>();
    node.entries().forEach((key, entry) -> {
      CustomClaim claim = new CustomClaim(entry.child("name").string(key), entry.child("attribute").string(key));
      if (RESERVED_CLAIMS.contains(claim.name())) {
        entry.error("claim with name '" + claim.name() + "' can't be used in a claims policy as it's a standard claim");
      }
      String earlier = keyByName.putIfAbsent(claim.name(), key);
      if (earlier != null) {
        entry.error("claim with name '" + claim.name() + "' is mapped in both '" + key + "' and the '" + earlier
            + "' claim configurations");
      }
      if (!UserAttributeNames.STANDARD.contains(claim.attribute()) && !extraAttributes.contains(claim.attribute())) {
        entry.error("claim with name '" + claim.name() + "' has an attribute name '" + claim.attribute()
            + "' which is not a known attribute");
      }
      claims.put(key, claim);
    });
    return claims;
  }

  private static List<String> claimList(ConfigNode node, Set<String> reserved, List<String> custom) {
    List<String> claims = node.strings(List.of());
    for (String claim : claims) {
      if (reserved.contains(claim)) {
        node.error("claim with name '" + claim + "' can't be used in a claims policy as it's a standard claim");
      } else if (!custom.contains(claim) && !KNOWN_CLAIMS.contains(claim)) {
        node.error("claim with name '" + claim + "' is not known");
      }
    }
    return claims;
  }

  /** {@code scopes.<name>.claims}: custom scopes, which may not take a standard scope's name. */
  static Map<String, List<String>> customScopes(ConfigNode scopes, Map<String, ClaimsPolicy> policies) {
    List<String> customClaims = policies.values().stream()
        .flatMap(policy -> policy.customClaims().values().stream()).map(CustomClaim::name).toList();
    Map<String, List<String>> bound = new LinkedHashMap<>();
    scopes.entries().forEach((scope, node) -> {
      if (STANDARD_SCOPES.contains(scope)) {
        node.error("scope with name '" + scope + "' can't be used as a custom scope because it's a standard scope");
      } else if (scope.startsWith("authelia.")) {
        node.error("scope with name '" + scope + "' can't be used as a custom scope because all scopes prefixed"
            + " with 'authelia.' are reserved");
      }
      ConfigNode claimsNode = node.child("claims");
      List<String> claims = new ArrayList<>(claimsNode.strings(List.of()));
      for (String claim : claims) {
        if (RESERVED_CLAIMS.contains(claim)) {
          claimsNode.error("claim with name '" + claim + "' can't be used in a custom scope as it's a standard claim");
        } else if (!customClaims.contains(claim) && !KNOWN_CLAIMS.contains(claim)) {
          claimsNode.error("claim with name '" + claim + "' is not a known claim");
        }
      }
      bound.put(scope, List.copyOf(claims));
    });
    return bound;
  }
}
