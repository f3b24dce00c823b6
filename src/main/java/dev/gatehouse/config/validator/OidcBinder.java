package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.config.schema.Network;
import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.config.schema.PkceEnforcement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code identity_providers.oidc}: null when absent. Provider-level keys with Authelia's defaults
 * and checks (its {@code validateOIDC}); the keys in {@link JwksBinder}; each client in
 * {@link OidcClientBinder}; client ids unique.
 */
final class OidcBinder {

  private static final int MINIMUM_PARAMETER_ENTROPY = 8;
  private static final OidcConfig.Lifespans DEFAULT_LIFESPANS = new OidcConfig.Lifespans(
      Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(90));

  private OidcBinder() {
  }

  static OidcConfig bind(ConfigNode oidc, Map<String, List<Network>> namedNetworks, Set<String> extraAttributes) {
    if (!oidc.isPresent()) {
      return null;
    }
    String hmacSecret = oidc.child("hmac_secret").string();
    JwksBinder.Keys keys = JwksBinder.bind(oidc);
    ConfigNode lifespansNode = oidc.child("lifespans");
    OidcConfig.Lifespans lifespans = lifespans(lifespansNode);
    Map<String, OidcConfig.Lifespans> custom = new LinkedHashMap<>();
    lifespansNode.child("custom").entries().forEach((name, entry) ->
        custom.put(name, customLifespans(entry)));
    PkceEnforcement enforcePkce = oidc.child("enforce_pkce").choice(PkceEnforcement.PUBLIC_CLIENTS_ONLY,
        PkceEnforcement.class);
    boolean plainChallenge = oidc.child("enable_pkce_plain_challenge").bool(false);
    int entropy = minimumParameterEntropy(oidc.child("minimum_parameter_entropy"));
    Map<String, AuthorizationPolicy> policies =
        AuthorizationPolicyBinder.bind(oidc.child("authorization_policies"), namedNetworks);
    Map<String, ClaimsPolicy> claimsPolicies =
        ClaimsPolicyBinder.policies(oidc.child("claims_policies"), extraAttributes);
    Map<String, List<String>> customScopes = ClaimsPolicyBinder.customScopes(oidc.child("scopes"), claimsPolicies);
    OidcClientBinder.Context context = new OidcClientBinder.Context(keys.signingAlgorithms(), custom.keySet(),
        plainChallenge, policies, claimsPolicies, customScopes);
    List<OidcClientConfig> clients = clients(oidc.child("clients"), context);
    return new OidcConfig(hmacSecret, keys.jwks(), lifespans, Map.copyOf(custom), enforcePkce,
        plainChallenge, entropy, clients, Map.copyOf(customScopes));
  }

  private static OidcConfig.Lifespans lifespans(ConfigNode node) {
    return new OidcConfig.Lifespans(
        node.child("access_token").positiveDuration(DEFAULT_LIFESPANS.accessToken()),
        node.child("authorize_code").positiveDuration(DEFAULT_LIFESPANS.authorizeCode()),
        node.child("id_token").positiveDuration(DEFAULT_LIFESPANS.idToken()),
        node.child("refresh_token").positiveDuration(DEFAULT_LIFESPANS.refreshToken()));
  }

  /** A custom entry: a missing value is null, meaning "use the provider-level lifespan". */
  private static OidcConfig.Lifespans customLifespans(ConfigNode node) {
    return new OidcConfig.Lifespans(node.child("access_token").durationOrNull(),
        node.child("authorize_code").durationOrNull(), node.child("id_token").durationOrNull(),
        node.child("refresh_token").durationOrNull());
  }

  /** Authelia's rule: -1 disables the check (warned), 0 or less means 8, 1-7 is warned. */
  private static int minimumParameterEntropy(ConfigNode node) {
    int entropy = node.integer(0);
    if (entropy == -1) {
      node.warn("is disabled which is considered unsafe and insecure");
      return entropy;
    }
    if (entropy <= 0) {
      return MINIMUM_PARAMETER_ENTROPY;
    }
    if (entropy < MINIMUM_PARAMETER_ENTROPY) {
      node.warn("is configured to an unsafe and insecure value, it should at least be 8 but it's"
          + " configured to " + entropy);
    }
    return entropy;
  }

  private static List<OidcClientConfig> clients(ConfigNode clientsNode,
      OidcClientBinder.Context context) {
    List<ConfigNode> items = clientsNode.items();
    if (items.isEmpty()) {
      if (clientsNode.isAbsentOrList()) {
        clientsNode.error("must have one or more clients configured");
      }
      return List.of();
    }
    List<OidcClientConfig> clients = new ArrayList<>();
    Map<String, String> firstPathById = new HashMap<>();
    for (ConfigNode item : items) {
      OidcClientConfig client = OidcClientBinder.bind(item, context);
      clients.add(client);
      String id = client.clientId();
      if (id == null) {
        continue;
      }
      String earlier = firstPathById.putIfAbsent(id, item.path());
      if (earlier != null) {
        item.child("client_id").error("client '" + id + "': must be unique for every client but"
            + " " + earlier + " has it too");
      }
    }
    if (context.deprecatedSeen) {
      clientsNode.warn("identity_providers: oidc: clients: warnings for clients above indicate"
          + " deprecated functionality and it's strongly suggested these issues are checked and"
          + " fixed if they're legitimate issues or reported if they are not as in a future version"
          + " these warnings will become errors");
    }
    return List.copyOf(clients);
  }
}
