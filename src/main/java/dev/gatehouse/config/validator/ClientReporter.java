package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a client's problems are worded. Gatehouse's own lines name the client briefly; where
 * Authelia only warns, the warning keeps Authelia's exact words (so its documentation and issues
 * still apply), and each one Authelia counts as deprecated functionality is remembered, for the
 * single summary warning Authelia prints after the clients.
 */
final class ClientReporter {

  private final String id;
  private final OidcClientBinder.Context context;

  ClientReporter(String id, OidcClientBinder.Context context) {
    this.id = id == null ? "" : id;
    this.context = context;
  }

  /** How Gatehouse's own lines name the client. */
  String prefix() {
    return "client '" + id + "': ";
  }

  /** How Authelia's lines name the client. */
  String autheliaPrefix() {
    return "identity_providers: oidc: clients: client '" + id + "': ";
  }

  /** An Authelia warning that Authelia counts as deprecated functionality. */
  void deprecatedWarning(ConfigNode node, String message) {
    context.deprecatedSeen = true;
    node.warn(message);
  }

  /** Authelia's warning for a list holding a value twice. */
  void warnDuplicates(ConfigNode node, List<String> values) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicated = new LinkedHashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        duplicated.add(value);
      }
    }
    if (!duplicated.isEmpty()) {
      String key = node.path().substring(node.path().lastIndexOf('.') + 1);
      deprecatedWarning(node, autheliaPrefix() + "option '" + key + "' must have unique values but"
          + " the values " + ConfigNode.joinAnd(List.copyOf(duplicated)) + " are duplicated");
    }
  }

  /** An error for the values of a list outside {@code allowed}. */
  void checkValues(ConfigNode node, List<String> values, List<String> allowed) {
    List<String> invalid = values.stream().filter(v -> !allowed.contains(v)).toList();
    if (!invalid.isEmpty()) {
      node.error(prefix() + "must only have the values " + ConfigNode.joinOr(allowed)
          + " but the values " + ConfigNode.joinAnd(invalid) + " are present");
    }
  }
}
