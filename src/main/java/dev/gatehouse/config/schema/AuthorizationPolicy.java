package dev.gatehouse.config.schema;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

/**
 * A client's {@code authorization_policy}: one of the levels itself, or a named entry of
 * {@code identity_providers.oidc.authorization_policies}. The first rule that matches the user
 * decides; without one, the default does.
 *
 * @param name the name the client gives, e.g. {@code two_factor} or {@code librechat_users}
 */
public record AuthorizationPolicy(String name, PolicyLevel defaultPolicy, List<Rule> rules) {

  /** What a client without a policy, a policy without a default and a rule without a level ask for. */
  public static final PolicyLevel DEFAULT_LEVEL = PolicyLevel.TWO_FACTOR;
  /** The prefixes of a rule's subjects. */
  public static final String USER = "user:";
  public static final String GROUP = "group:";

  public AuthorizationPolicy {
    rules = List.copyOf(rules);
  }

  /** {@code one_factor} or {@code two_factor} named by a client directly. */
  public static AuthorizationPolicy of(PolicyLevel level) {
    return new AuthorizationPolicy(level.configured(), level, List.of());
  }

  /**
   * A rule of a named policy. It matches when both its parts do; a part left out matches anyone.
   *
   * @param subjects Authelia's list of lists: any inner list whose entries ({@code user:x},
   *     {@code group:y}) all name the user
   * @param networks where the request may come from, any of them
   */
  public record Rule(PolicyLevel policy, List<List<String>> subjects, List<Network> networks) {

    public Rule {
      subjects = subjects.stream().map(List::copyOf).toList();
      networks = List.copyOf(networks);
    }

    boolean matches(Subject subject) {
      return (subjects.isEmpty() || subjects.stream().anyMatch(all -> all.stream().allMatch(subject::is)))
          && (networks.isEmpty() || subject.address() != null
              && networks.stream().anyMatch(network -> network.contains(subject.address())));
    }
  }

  /**
   * Who asks: a signed-in user, and the address the request came from; null when there is none
   * to speak of (a refresh, which the relying party sends, not the user).
   */
  public record Subject(String username, Collection<String> groups, InetAddress address) {

    boolean is(String name) {
      if (name.startsWith(USER)) {
        return name.substring(USER.length()).equals(username);
      }
      return name.startsWith(GROUP) && groups.contains(name.substring(GROUP.length()));
    }
  }

  /** The level the first matching rule gives the subject, else the default. */
  public PolicyLevel levelFor(Subject subject) {
    return rules.stream().filter(rule -> rule.matches(subject)).map(Rule::policy).findFirst().orElse(defaultPolicy);
  }
}
