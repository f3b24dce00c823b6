package dev.gatehouse.config.schema;

/**
 * {@code default_2fa_method}: the second factor a user is shown first until they choose one.
 * Authelia's third value, {@code mobile_push} (Duo), is refused by the configuration.
 */
public enum SecondFactorMethod implements ConfiguredName {

  TOTP("totp"),
  WEBAUTHN("webauthn");

  private final String configured;

  SecondFactorMethod(String configured) {
    this.configured = configured;
  }

  @Override
  public String configured() {
    return configured;
  }
}
