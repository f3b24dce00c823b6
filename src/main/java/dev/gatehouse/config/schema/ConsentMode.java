package dev.gatehouse.config.schema;


/** A client's {@code consent_mode} once Authelia's {@code auto} has been resolved by the configuration. */
public enum ConsentMode implements ConfiguredName {

  /** Never asks: the administrator vouches for the client. */
  IMPLICIT("implicit"),
  /** Asks on every authorization. */
  EXPLICIT("explicit"),
  /** Asks, and lets the user remember the answer for {@code pre_configured_consent_duration}. */
  PRE_CONFIGURED("pre-configured");

  private final String configured;

  ConsentMode(String configured) {
    this.configured = configured;
  }

  @Override
  public String configured() {
    return configured;
  }

  /** The mode spelled as in configuration.yml, once {@code auto} is resolved. */
  public static ConsentMode of(String configured) {
    return ConfiguredName.of(ConsentMode.class, configured)
        .orElseThrow(() -> new IllegalArgumentException("unresolved consent mode '" + configured + "'"));
  }
}
