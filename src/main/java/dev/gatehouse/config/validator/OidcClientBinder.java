package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.config.schema.ConfiguredName;
import dev.gatehouse.config.schema.ConsentMode;
import dev.gatehouse.config.schema.OidcClientConfig;
import dev.gatehouse.config.schema.PolicyLevel;
import dev.gatehouse.config.schema.StandardScopes;
import dev.gatehouse.crypto.MalformedDigestException;
import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigests;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One {@code identity_providers.oidc.clients[]} entry: Authelia's defaults and checks for the keys
 * that apply to the authorization code flow (its {@code validateOIDCClient}): identity, secret and
 * token endpoint authentication, policy, consent, PKCE, redirect URIs and signing algorithms here;
 * scopes, response types and modes, and grant types in {@link ClientFlowRules}.
 */
final class OidcClientBinder {

  /** What a client's checks need from the provider section. */
  static final class Context {
    final List<String> signingAlgorithms;
    final Set<String> customLifespans;
    final boolean plainChallengeEnabled;
    final Map<String, AuthorizationPolicy> authorizationPolicies;
    final Map<String, ClaimsPolicy> claimsPolicies;
    final Map<String, List<String>> customScopes;
    boolean deprecatedSeen;

    Context(List<String> signingAlgorithms, Set<String> customLifespans, boolean plainChallengeEnabled,
        Map<String, AuthorizationPolicy> authorizationPolicies, Map<String, ClaimsPolicy> claimsPolicies,
        Map<String, List<String>> customScopes) {
      this.signingAlgorithms = signingAlgorithms;
      this.customLifespans = customLifespans;
      this.plainChallengeEnabled = plainChallengeEnabled;
      this.authorizationPolicies = authorizationPolicies;
      this.claimsPolicies = claimsPolicies;
      this.customScopes = customScopes;
    }
  }

  private static final List<PolicyLevel> CLIENT_LEVELS = List.of(PolicyLevel.ONE_FACTOR, PolicyLevel.TWO_FACTOR);
  private static final String AUTO = "auto";
  private static final Duration DEFAULT_CONSENT_DURATION = Duration.ofDays(7);
  private static final List<String> PKCE_METHODS = List.of("plain", "S256");

  private static final String NONE = "none";
  private static final List<String> AUTH_METHODS = List.of(NONE, "client_secret_post",
      "client_secret_basic", "private_key_jwt", "client_secret_jwt");
  private static final List<String> CONFIDENTIAL_AUTH_METHODS =
      List.of("client_secret_post", "client_secret_basic", "private_key_jwt");
  private static final List<String> SECRET_AUTH_METHODS = List.of("client_secret_post",
      "client_secret_basic", "client_secret_jwt");
  private static final List<String> UNSUPPORTED_AUTH_METHODS =
      List.of("private_key_jwt", "client_secret_jwt");

  private static final String INSTALLED_APP_REDIRECT = "urn:ietf:wg:oauth:2.0:oob";
  /** Authelia's reRFC3986Unreserved. */
  private static final Pattern UNRESERVED = Pattern.compile("^[a-zA-Z0-9._~-]+$");
  private static final int MAXIMUM_ID_LENGTH = 100;

  private final ConfigNode client;
  private final Context context;
  /** The configured client id; null when absent (reported once, by {@link #checkId}). */
  private final String id;

  private final ClientReporter reporter;
  private final ClientFlowRules flows;

  private OidcClientBinder(ConfigNode client, Context context, String id) {
    this.client = client;
    this.context = context;
    this.id = id;
    this.reporter = new ClientReporter(id, context);
    this.flows = new ClientFlowRules(client, reporter);
  }

  static OidcClientConfig bind(ConfigNode client, Context context) {
    ConfigNode idNode = client.child("client_id");
    String id = idNode.string();
    OidcClientBinder binder = new OidcClientBinder(client, context, id);
    binder.checkId(idNode, id);
    return binder.bind();
  }

  private OidcClientConfig bind() {
    String name = client.child("client_name").string(id);
    boolean isPublic = client.child("public").bool(false);
    ConfigNode secretNode = client.child("client_secret");
    PasswordDigest secret = parseSecret(secretNode);

    ConfigNode grantTypesNode = client.child("grant_types");
    List<String> configuredGrantTypes = grantTypesNode.strings(List.of());
    AuthorizationPolicy policy =
        authorizationPolicy(configuredGrantTypes.contains(ClientFlowRules.CLIENT_CREDENTIALS));
    String lifespan = lifespan();

    ConfigNode pkceMethodNode = client.child("pkce_challenge_method");
    String pkceMethod = optionalChoice(pkceMethodNode, PKCE_METHODS);
    boolean requirePkce = client.child("require_pkce").bool(false) || pkceMethod != null;
    if ("plain".equals(pkceMethod) && !context.plainChallengeEnabled) {
      pkceMethodNode.warn(reporter.prefix() + "'plain' is refused at authorization time unless"
          + " identity_providers.oidc.enable_pkce_plain_challenge is true");
    }

    ConfigNode consentNode = client.child("consent_mode");
    Duration consentDuration = client.child("pre_configured_consent_duration").durationOrNull();
    ConsentMode consentMode = consentMode(consentNode, consentDuration != null);

    List<String> scopes = flows.scopes(configuredGrantTypes.contains(ClientFlowRules.CLIENT_CREDENTIALS),
        context.customScopes.keySet());
    ClaimsPolicy claimsPolicy = claimsPolicy(scopes);
    List<String> audience = client.child("audience").strings(List.of());
    OidcClientConfig.AudienceMode audienceMode = client.child("requested_audience_mode")
        .choice(OidcClientConfig.AudienceMode.EXPLICIT, OidcClientConfig.AudienceMode.class);
    List<String> responseTypes = flows.responseTypes();
    List<String> responseModes = flows.responseModes(responseTypes);
    List<String> grantTypes = flows.grantTypes(grantTypesNode, configuredGrantTypes, responseTypes,
        scopes, isPublic);
    List<String> redirectUris = redirectUris(isPublic);
    List<String> postLogoutRedirectUris = postLogoutRedirectUris();

    String idTokenAlg = signingAlgorithm("id_token_signed_response_alg", "RS256", false);
    String accessTokenAlg = signingAlgorithm("access_token_signed_response_alg", NONE, true);
    String userinfoAlg = signingAlgorithm("userinfo_signed_response_alg", NONE, true);
    String authMethod = tokenEndpointAuthMethod(isPublic, responseTypes, secret, secretNode);

    return new OidcClientConfig(id, name, secret, isPublic, redirectUris, postLogoutRedirectUris,
        scopes, grantTypes, responseTypes, responseModes, policy, consentMode,
        consentDuration == null ? DEFAULT_CONSENT_DURATION : consentDuration, requirePkce,
        pkceMethod, idTokenAlg, accessTokenAlg, userinfoAlg, authMethod, lifespan, claimsPolicy, audience,
        audienceMode);
  }

  private void checkId(ConfigNode idNode, String value) {
    if (value == null) {
      idNode.error("is required: the client's identifier, as the relying party sends it");
    } else if (value.length() > MAXIMUM_ID_LENGTH) {
      idNode.error(reporter.prefix() + "must not be more than 100 characters but it has " + value.length()
          + " characters");
    } else if (!UNRESERVED.matcher(value).matches()) {
      idNode.error(reporter.prefix() + "must only contain RFC3986 unreserved characters");
    }
  }

  private PasswordDigest parseSecret(ConfigNode secretNode) {
    String encoded = secretNode.string();
    if (encoded == null) {
      return null;
    }
    try {
      PasswordDigest digest = PasswordDigests.parse(encoded);
      if (digest.isLegacyPlaintext() || digest.encoded().startsWith("$plaintext$")) {
        secretNode.warn(reporter.autheliaPrefix() + "option 'client_secret' is plaintext but for clients not"
            + " using any endpoint authentication method 'client_secret_jwt' it should be a hashed"
            + " value as plaintext values are deprecated with the exception of 'client_secret_jwt'"
            + " and will be removed in the near future");
      }
      return digest;
    } catch (MalformedDigestException e) {
      secretNode.error(reporter.prefix() + e.getMessage());
      return null;
    }
  }

  /** A level, or the name of an {@code authorization_policies} entry; never {@code deny}, as in Authelia. */
  private AuthorizationPolicy authorizationPolicy(boolean clientCredentials) {
    ConfigNode node = client.child("authorization_policy");
    String value = node.string();
    if (clientCredentials) {
      if (value != null && !value.equals(PolicyLevel.ONE_FACTOR.configured())) {
        node.error(reporter.prefix() + "must be 'one_factor' for a client with the 'client_credentials'"
            + " grant type but it's configured as '" + value + "'");
      }
      return AuthorizationPolicy.of(PolicyLevel.ONE_FACTOR);
    }
    if (value == null) {
      return AuthorizationPolicy.of(AuthorizationPolicy.DEFAULT_LEVEL);
    }
    AuthorizationPolicy named = context.authorizationPolicies.get(value);
    if (named != null) {
      return named;
    }
    return CLIENT_LEVELS.stream().filter(level -> level.configured().equals(value)).findFirst()
        .map(AuthorizationPolicy::of)
        .orElseGet(() -> {
          List<String> allowed = Stream.concat(CLIENT_LEVELS.stream().map(PolicyLevel::configured),
              context.authorizationPolicies.keySet().stream()).toList();
          node.error(reporter.prefix() + "must be one of " + ConfigNode.joinOr(allowed)
              + " but it's configured as '" + value + "'");
          return AuthorizationPolicy.of(AuthorizationPolicy.DEFAULT_LEVEL);
        });
  }

  /**
   * The named claims policy, which must give every claim the client's custom scopes list that is
   * not a standard claim; none when the client names none.
   */
  private ClaimsPolicy claimsPolicy(List<String> scopes) {
    ConfigNode node = client.child("claims_policy");
    String name = node.string();
    if (name == null) {
      return ClaimsPolicy.NONE;
    }
    ClaimsPolicy policy = context.claimsPolicies.get(name);
    if (policy == null) {
      node.error(reporter.autheliaPrefix() + "option 'claims_policy' is not the name of a configured claims policy");
      return ClaimsPolicy.NONE;
    }
    warnAboutUnreleasedClaims(node, name, policy, scopes);
    for (String scope : scopes) {
      for (String claim : context.customScopes.getOrDefault(scope, List.of())) {
        boolean custom = policy.customClaims().values().stream().anyMatch(c -> c.name().equals(claim));
        if (!custom && !ClaimsPolicyBinder.KNOWN_CLAIMS.contains(claim)) {
          client.child("scopes").error(reporter.autheliaPrefix() + "option 'scopes' contains value '" + scope
              + "' which requires claim '" + claim + "' but the claim is not a claim provided by 'claims_policy'"
              + " with the name '" + name + "' or a standard claim");
        }
      }
    }
    return policy;
  }

  private String lifespan() {
    ConfigNode node = client.child("lifespan");
    String value = node.string();
    if (value == null || context.customLifespans.contains(value)) {
      return value;
    }
    if (context.customLifespans.isEmpty()) {
      node.error(reporter.prefix() + "must not be configured when no custom lifespans are configured but"
          + " it's configured as '" + value + "'");
    } else {
      node.error(reporter.prefix() + "must be one of "
          + ConfigNode.joinOr(List.copyOf(context.customLifespans))
          + " but it's configured as '" + value + "'");
    }
    return null;
  }

  /**
   * A claim the policy puts in a token that none of the client's scopes can release never gets
   * there, which Authelia does not say: the usual case is {@code groups} without the
   * {@code groups} scope.
   */
  private void warnAboutUnreleasedClaims(ConfigNode node, String name, ClaimsPolicy policy, List<String> scopes) {
    Stream.concat(policy.idToken().stream(), policy.accessToken().stream()).distinct().forEach(claim ->
        StandardScopes.releasing(claim).filter(scope -> !scopes.contains(scope)).ifPresent(scope ->
            node.warn(reporter.prefix() + "claims policy '" + name + "' puts '" + claim + "' in its tokens, but only"
                + " the '" + scope + "' scope releases it and the client's scopes do not include it")));
  }

  /** Resolves {@code auto} as Authelia does: pre-configured when a duration is set. */
  private ConsentMode consentMode(ConfigNode node, boolean durationConfigured) {
    List<String> allowed = Stream.concat(Stream.of(AUTO), ConfiguredName.names(ConsentMode.class).stream()).toList();
    String value = node.string(AUTO);
    if (!allowed.contains(value)) {
      node.error(reporter.prefix() + "must be one of " + ConfigNode.joinOr(allowed)
          + " but it's configured as '" + value + "'");
      return ConsentMode.EXPLICIT;
    }
    if (value.equals(AUTO)) {
      return durationConfigured ? ConsentMode.PRE_CONFIGURED : ConsentMode.EXPLICIT;
    }
    return ConsentMode.of(value);
  }

  private List<String> redirectUris(boolean isPublic) {
    ConfigNode node = client.child("redirect_uris");
    List<String> uris = node.strings(List.of());
    if (uris.isEmpty() && node.isAbsentOrList()) {
      node.error(reporter.prefix() + "at least one redirect URI is required");
    }
    for (int i = 0; i < uris.size(); i++) {
      String uri = uris.get(i);
      if (uri.equals(INSTALLED_APP_REDIRECT)) {
        if (!isPublic) {
          elementError(node, i, "the redirect uri '" + uri + "' is only valid for the public client"
              + " type (option 'public' is false)");
        }
        continue;
      }
      checkRedirectUri(node, i, uri);
    }
    reporter.warnDuplicates(node, uris);
    return uris;
  }

  private List<String> postLogoutRedirectUris() {
    ConfigNode node = client.child("post_logout_redirect_uris");
    List<String> uris = node.strings(List.of());
    for (int i = 0; i < uris.size(); i++) {
      checkRedirectUri(node, i, uris.get(i));
    }
    reporter.warnDuplicates(node, uris);
    return uris;
  }

  private void checkRedirectUri(ConfigNode list, int index, String text) {
    URI uri = UriRules.absolute(text, message -> elementError(list, index, message));
    if (uri != null && uri.getRawFragment() != null) {
      elementError(list, index, "'" + text + "' has a fragment, which a redirect URI must not have");
    }
  }

  private String signingAlgorithm(String key, String defaultValue, boolean noneAllowed) {
    ConfigNode node = client.child(key);
    String value = node.string(defaultValue);
    List<String> allowed = noneAllowed
        ? Stream.concat(context.signingAlgorithms.stream(), Stream.of(NONE)).toList()
        : context.signingAlgorithms;
    // RS256 is always accepted, as in Authelia: a key for it is required (or generated) anyway.
    if (!value.equals("RS256") && !allowed.contains(value)) {
      node.error(reporter.prefix() + "must be one of " + ConfigNode.joinOr(allowed)
          + " but it's configured as '" + value + "'");
    }
    return value;
  }

  private String tokenEndpointAuthMethod(boolean isPublic, List<String> responseTypes,
      PasswordDigest secret, ConfigNode secretNode) {
    ConfigNode node = client.child("token_endpoint_auth_method");
    String configured = node.string();
    String method = configured != null ? configured : isPublic ? NONE : "client_secret_basic";
    boolean implicitOnly = ClientFlowRules.IMPLICIT_RESPONSE_TYPES.containsAll(responseTypes);
    if (!AUTH_METHODS.contains(method)) {
      node.error(reporter.prefix() + "must be one of " + ConfigNode.joinOr(AUTH_METHODS)
          + " but it's configured as '" + method + "'");
      return method;
    }
    if (method.equals(NONE) && !isPublic && !implicitOnly) {
      node.error(reporter.prefix() + "must be one of " + ConfigNode.joinOr(CONFIDENTIAL_AUTH_METHODS)
          + " when configured as the confidential client type unless it only includes implicit flow"
          + " response types such as " + ConfigNode.joinAnd(ClientFlowRules.IMPLICIT_RESPONSE_TYPES)
          + " but it's configured as '" + method + "'");
    } else if (!method.equals(NONE) && isPublic) {
      node.error(reporter.prefix() + "must be 'none' when configured as the public client type but it's"
          + " configured as '" + method + "'");
    } else if (UNSUPPORTED_AUTH_METHODS.contains(method)) {
      node.error(reporter.prefix() + "'" + method + "' is not supported by Gatehouse yet; use"
          + " 'client_secret_basic' or 'client_secret_post'");
    }
    if (isPublic && secretNode.isPresent()) {
      secretNode.error(reporter.prefix() + "is required to be empty when option 'public' is true");
    } else if (!isPublic && SECRET_AUTH_METHODS.contains(method) && secret == null
        && !secretNode.isPresent()) {
      secretNode.error(reporter.prefix() + "is required for a confidential client using '" + method
          + "': the digest of the secret the relying party sends");
    } else if (!isPublic && method.equals(NONE) && secretNode.isPresent()) {
      secretNode.error(reporter.prefix() + "is required to be empty when option"
          + " 'token_endpoint_auth_method' is configured as 'none'");
    }
    return method;
  }

  private String optionalChoice(ConfigNode node, List<String> allowed) {
    String value = node.string();
    if (value != null && !allowed.contains(value)) {
      node.error(reporter.prefix() + "must be one of " + ConfigNode.joinOr(allowed)
          + " but it's configured as '" + value + "'");
      return null;
    }
    return value;
  }

  /** Errors about list elements name the element: {@code redirect_uris[1]}. */
  private void elementError(ConfigNode list, int index, String message) {
    list.element(index).error(reporter.prefix() + message);
  }

}
