package dev.gatehouse.config.schema;

/**
 * The whole of configuration.yml after loading, defaults applied and validation passed.
 *
 * @param default2faMethod null when not set: a user is then shown first a method they have set up
 */
public record Configuration(
    ServerConfig server,
    LogConfig log,
    AuthenticationBackendConfig authenticationBackend,
    SessionConfig session,
    StorageConfig storage,
    NotifierConfig notifier,
    RegulationConfig regulation,
    TotpConfig totp,
    WebAuthnConfig webAuthn,
    SecondFactorMethod default2faMethod,
    OidcConfig oidc,
    TelemetryConfig telemetry) {
}
