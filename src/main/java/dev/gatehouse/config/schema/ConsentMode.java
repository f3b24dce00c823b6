package dev.gatehouse.config.schema;

import java.util.Arrays;
import java.util.List;

/** A client's {@code consent_mode} once Authelia's {@code auto} has been resolved by the configuration. */
public enum ConsentMode {

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

  public static List<String> names() {
    return Arrays.stream(values()).map(mode -> mode.configured).toList();
  }

  /** The mode spelled as in configuration.yml. */
  public static ConsentMode of(String configured) {
    return Arrays.stream(values())
        .filter(mode -> mode.configured.equals(configured))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unresolved consent mode '" + configured + "'"));
  }
}
