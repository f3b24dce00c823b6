package dev.gatehouse.config.schema;

/** What an authorization policy demands of a user: Authelia's {@code one_factor}, {@code two_factor}, {@code deny}. */
public enum PolicyLevel implements ConfiguredName {

  ONE_FACTOR("one_factor"),
  TWO_FACTOR("two_factor"),
  DENY("deny");

  private final String configured;

  PolicyLevel(String configured) {
    this.configured = configured;
  }

  @Override
  public String configured() {
    return configured;
  }
}
