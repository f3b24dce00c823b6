package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.ConfiguredName;
import dev.gatehouse.config.schema.Network;
import dev.gatehouse.config.schema.PolicyLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code identity_providers.oidc.authorization_policies}, with Authelia's checks and words (its
 * {@code validateOIDCAuthorizationPolicies}): names that are not levels, a default and rules,
 * each rule with a level and a subject or networks.
 */
final class AuthorizationPolicyBinder {

  private static final List<String> LEVELS = ConfiguredName.names(PolicyLevel.class);

  private AuthorizationPolicyBinder() {
  }

  /** The policies by name; one with a reserved name is an error and left out. */
  static Map<String, AuthorizationPolicy> bind(ConfigNode policies, Map<String, List<Network>> namedNetworks) {
    Map<String, AuthorizationPolicy> bound = new LinkedHashMap<>();
    policies.entries().forEach((name, node) -> {
      AuthorizationPolicy policy = policy(name, node, namedNetworks);
      if (ConfiguredName.of(PolicyLevel.class, name).isPresent()) {
        node.error("policy '" + name + "': option 'name' must not be one of " + ConfigNode.joinAnd(LEVELS)
            + " but it's configured as '" + name + "'");
      } else {
        bound.put(name, policy);
      }
    });
    return bound;
  }

  private static AuthorizationPolicy policy(String name, ConfigNode node, Map<String, List<Network>> namedNetworks) {
    String prefix = "policy '" + name + "': ";
    PolicyLevel defaultPolicy = level(node.child("default_policy"), prefix);
    ConfigNode rulesNode = node.child("rules");
    List<ConfigNode> items = rulesNode.items();
    if (items.isEmpty()) {
      rulesNode.error(prefix + "option 'rules' is required");
    }
    List<AuthorizationPolicy.Rule> rules = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      rules.add(rule(items.get(i), prefix + "rules: rule #" + (i + 1) + ": ", namedNetworks));
    }
    return new AuthorizationPolicy(name, defaultPolicy, rules);
  }

  private static AuthorizationPolicy.Rule rule(ConfigNode node, String prefix,
      Map<String, List<Network>> namedNetworks) {
    PolicyLevel level = level(node.child("policy"), prefix);
    ConfigNode subjectNode = node.child("subject");
    List<List<String>> subjects = subjects(subjectNode);
    ConfigNode networksNode = node.child("networks");
    List<Network> networks = DefinitionsBinder.networks(networksNode, namedNetworks);
    if (subjects.isEmpty() && !networksNode.isPresent()) {
      node.error(prefix + "option 'subject' or 'networks' is required");
    }
    subjects.stream().flatMap(List::stream)
        .filter(subject -> !subject.startsWith(AuthorizationPolicy.USER)
            && !subject.startsWith(AuthorizationPolicy.GROUP))
        .forEach(subject -> subjectNode.error(prefix + "option 'subject' with value '" + subject
            + "' is invalid: must start with 'user:' or 'group:'"));
    return new AuthorizationPolicy.Rule(level, subjects, networks);
  }

  /** A level; absent is {@code two_factor}, as in Authelia. */
  private static PolicyLevel level(ConfigNode node, String prefix) {
    String value = node.string();
    if (value == null) {
      return AuthorizationPolicy.DEFAULT_LEVEL;
    }
    return ConfiguredName.of(PolicyLevel.class, value).orElseGet(() -> {
      String key = node.path().substring(node.path().lastIndexOf('.') + 1);
      node.error(prefix + "option '" + key + "' must be one of " + ConfigNode.joinAnd(LEVELS)
          + " but it's configured as '" + value + "'");
      return AuthorizationPolicy.DEFAULT_LEVEL;
    });
  }

  /**
   * Authelia's list of lists: the outer list is "any of", an inner list "all of"; a lone string
   * is a list of its own.
   */
  private static List<List<String>> subjects(ConfigNode node) {
    if (!node.isList()) {
      return node.strings(List.of()).stream().map(List::of).toList();
    }
    return node.items().stream()
        .map(item -> item.isList() ? item.strings(List.of()) : Stream.ofNullable(item.string()).toList())
        .filter(all -> !all.isEmpty())
        .toList();
  }
}
