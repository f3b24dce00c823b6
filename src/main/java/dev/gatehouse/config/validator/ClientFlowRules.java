package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A client's {@code scopes}, {@code response_types}, {@code response_modes} and
 * {@code grant_types}: Authelia's defaults (grant types and response modes follow from the
 * response types) and its checks of how they fit together, in its words.
 */
final class ClientFlowRules {

  private static final List<String> DEFAULT_SCOPES = List.of("openid", "groups", "profile", "email");
  private static final List<String> KNOWN_SCOPES = List.of("openid", "email", "profile", "address", "phone",
      "groups", "offline_access", "offline");
  private static final List<String> OFFLINE_SCOPES = List.of("offline_access", "offline");

  private static final String CODE = "code";
  static final List<String> IMPLICIT_RESPONSE_TYPES =
      List.of("id_token", "token", "id_token token");
  private static final List<String> HYBRID_RESPONSE_TYPES =
      List.of("code id_token", "code token", "code id_token token");
  private static final List<String> RESPONSE_TYPES = concat(List.of(CODE), IMPLICIT_RESPONSE_TYPES,
      HYBRID_RESPONSE_TYPES);
  private static final List<String> CODE_RESPONSE_TYPES = concat(List.of(CODE), HYBRID_RESPONSE_TYPES);
  private static final List<String> RESPONSE_MODES = List.of("form_post", "query", "fragment", "jwt",
      "form_post.jwt", "query.jwt", "fragment.jwt");

  private static final String AUTHORIZATION_CODE = "authorization_code";
  private static final String IMPLICIT = "implicit";
  static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final String REFRESH_TOKEN = "refresh_token";
  private static final List<String> GRANT_TYPES = List.of(AUTHORIZATION_CODE, IMPLICIT,
      CLIENT_CREDENTIALS, REFRESH_TOKEN, "urn:ietf:params:oauth:grant-type:device_code");

  private final ConfigNode client;
  private final ClientReporter reporter;

  ClientFlowRules(ConfigNode client, ClientReporter reporter) {
    this.client = client;
    this.reporter = reporter;
  }

  /** The client's scopes; {@code customScopes} are known as well as the standard ones. */
  List<String> scopes(boolean clientCredentials, Collection<String> customScopes) {
    ConfigNode node = client.child("scopes");
    List<String> scopes = node.strings(List.of());
    if (scopes.isEmpty() && !clientCredentials) {
      scopes = DEFAULT_SCOPES;
    }
    reporter.warnDuplicates(node, scopes);
    if (clientCredentials) {
      List<String> refused = scopes.stream()
          .filter(List.of("openid", "offline", "offline_access")::contains).toList();
      if (!refused.isEmpty()) {
        node.error(reporter.prefix() + "has the values " + ConfigNode.joinAnd(scopes) + " however when"
            + " utilizing the 'client_credentials' value for the 'grant_types' the values "
            + ConfigNode.joinOr(refused) + " are not allowed");
      }
    } else {
      List<String> known = concat(KNOWN_SCOPES, List.copyOf(customScopes));
      List<String> unknown = scopes.stream().filter(s -> !known.contains(s)).distinct().toList();
      if (!unknown.isEmpty()) {
        node.warn(reporter.autheliaPrefix() + "option 'scopes' only expects the values "
            + ConfigNode.joinOr(known) + " but the unknown values "
            + ConfigNode.joinAnd(unknown) + " are present and should generally only be used if a"
            + " particular client requires a scope outside of our standard scopes");
      }
    }
    return scopes;
  }

  List<String> responseTypes() {
    ConfigNode node = client.child("response_types");
    List<String> types = node.strings(List.of(CODE));
    if (types.isEmpty()) {
      types = List.of(CODE);
    }
    List<String> invalid = types.stream().filter(t -> !RESPONSE_TYPES.contains(t)).toList();
    if (!invalid.isEmpty()) {
      node.warn(reporter.autheliaPrefix() + "option 'response_types' must only have the values "
          + ConfigNode.joinOr(RESPONSE_TYPES) + " but the values " + ConfigNode.joinAnd(invalid)
          + " are present");
    }
    reporter.warnDuplicates(node, types);
    return types;
  }

  List<String> responseModes(List<String> responseTypes) {
    ConfigNode node = client.child("response_modes");
    List<String> modes = node.strings(List.of());
    if (modes.isEmpty()) {
      Set<String> defaults = new LinkedHashSet<>(List.of("form_post"));
      for (String type : responseTypes) {
        if (type.equals(CODE)) {
          defaults.add("query");
        } else if (IMPLICIT_RESPONSE_TYPES.contains(type) || HYBRID_RESPONSE_TYPES.contains(type)) {
          defaults.add("fragment");
        }
      }
      return List.copyOf(defaults);
    }
    reporter.checkValues(node, modes, RESPONSE_MODES);
    reporter.warnDuplicates(node, modes);
    return modes;
  }

  List<String> grantTypes(ConfigNode node, List<String> configured,
      List<String> responseTypes, List<String> scopes, boolean isPublic) {
    List<String> grantTypes = configured.isEmpty() ? defaultGrantTypes(responseTypes) : configured;
    for (String grantType : grantTypes) {
      switch (grantType) {
        case AUTHORIZATION_CODE -> {
          if (responseTypes.stream().noneMatch(CODE_RESPONSE_TYPES::contains)) {
            reporter.deprecatedWarning(node, grantTypeMismatch(grantType,
                "for either the authorization code or hybrid flow", CODE_RESPONSE_TYPES, responseTypes));
          }
        }
        case IMPLICIT -> {
          if (responseTypes.stream().noneMatch(t -> IMPLICIT_RESPONSE_TYPES.contains(t)
              || HYBRID_RESPONSE_TYPES.contains(t))) {
            reporter.deprecatedWarning(node, grantTypeMismatch(grantType, "for either the implicit or hybrid"
                + " flow", concat(IMPLICIT_RESPONSE_TYPES, HYBRID_RESPONSE_TYPES), responseTypes));
          }
        }
        case CLIENT_CREDENTIALS -> {
          if (isPublic) {
            node.error(reporter.prefix() + "should only have the 'client_credentials' value if it is of the"
                + " confidential client type but it's of the public client type");
          }
        }
        case REFRESH_TOKEN -> {
          if (scopes.stream().noneMatch(OFFLINE_SCOPES::contains)) {
            // Reference §0 item 1: Authelia's own LibreChat example triggers this one.
            reporter.deprecatedWarning(node, reporter.autheliaPrefix() + "option 'grant_types' should only have the"
                + " 'refresh_token' value if the client is also configured with the"
                + " 'offline_access' scope");
          }
          if (responseTypes.stream().noneMatch(CODE_RESPONSE_TYPES::contains)) {
            reporter.deprecatedWarning(node, reporter.autheliaPrefix() + "option 'grant_types' should only have the"
                + " values 'refresh_token' if the client is also configured with a 'response_type'"
                + " such as " + ConfigNode.joinOr(CODE_RESPONSE_TYPES)
                + " which respond with authorization codes");
          }
        }
        default -> {
          // Values outside Authelia's list are reported below.
        }
      }
    }
    if (scopes.stream().anyMatch(OFFLINE_SCOPES::contains)
        && responseTypes.stream().noneMatch(CODE_RESPONSE_TYPES::contains)) {
      reporter.deprecatedWarning(client.child("scopes"), reporter.autheliaPrefix() + "option 'scopes' should only have"
          + " the values " + ConfigNode.joinOr(OFFLINE_SCOPES) + " if the client is also configured"
          + " with a 'response_type' such as " + ConfigNode.joinOr(CODE_RESPONSE_TYPES)
          + " which respond with authorization codes");
    }
    reporter.checkValues(node, grantTypes, GRANT_TYPES);
    reporter.warnDuplicates(node, grantTypes);
    return grantTypes;
  }

  private static List<String> defaultGrantTypes(List<String> responseTypes) {
    Set<String> grantTypes = new LinkedHashSet<>();
    for (String type : responseTypes) {
      if (type.equals(CODE) || HYBRID_RESPONSE_TYPES.contains(type)) {
        grantTypes.add(AUTHORIZATION_CODE);
      }
      if (IMPLICIT_RESPONSE_TYPES.contains(type) || HYBRID_RESPONSE_TYPES.contains(type)) {
        grantTypes.add(IMPLICIT);
      }
    }
    return List.copyOf(grantTypes);
  }

  private String grantTypeMismatch(String grantType, String flow, List<String> expected,
      List<String> actual) {
    return reporter.autheliaPrefix() + "option 'grant_types' should only have grant type values which are"
        + " valid with the configured 'response_types' for the client but '" + grantType
        + "' expects a response type " + flow + " such as " + ConfigNode.joinOr(expected)
        + " but the response types are " + ConfigNode.joinAnd(actual);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
