package dev.gatehouse.config.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an authorization policy demands of a user: Authelia's {@code one_factor}, {@code two_factor}, {@code deny}. */
public enum PolicyLevel {

  ONE_FACTOR("one_factor"),
  TWO_FACTOR("two_factor"),
  DENY("deny");

  private final String configured;

  PolicyLevel(String configured) {
    this.configured = configured;
  }

  /** The level spelled as in configuration.yml, if it is one. */
  public static Optional<PolicyLevel> of(String configured) {
    return Arrays.stream(values()).filter(level -> level.configured.equals(configured)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(PolicyLevel::configured).toList();
  }

  public String configured() {
    return configured;
  }
}
