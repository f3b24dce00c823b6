package dev.gatehouse.config.schema;

/** {@code identity_providers.oidc.enforce_pkce}: which clients must send a PKCE challenge. */
public enum PkceEnforcement implements ConfiguredName {

  NEVER("never"),
  PUBLIC_CLIENTS_ONLY("public_clients_only"),
  ALWAYS("always");

  private final String configured;

  PkceEnforcement(String configured) {
    this.configured = configured;
  }

  @Override
  public String configured() {
    return configured;
  }

  /** Whether a client must send one, beyond what it asks for itself ({@code require_pkce}). */
  public boolean requiredOf(boolean publicClient) {
    return this == ALWAYS || this == PUBLIC_CLIENTS_ONLY && publicClient;
  }
}
