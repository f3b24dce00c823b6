package dev.gatehouse.oidc.consent;

import java.util.Arrays;

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

  /** The mode spelled as in configuration.yml. */
  public static ConsentMode of(String configured) {
    return Arrays.stream(values())
        .filter(mode -> mode.configured.equals(configured))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unresolved consent mode '" + configured + "'"));
  }
}
