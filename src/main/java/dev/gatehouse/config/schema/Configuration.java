package dev.gatehouse.config.schema;

/** The whole of configuration.yml after loading, defaults applied and validation passed. */
public record Configuration(
    ServerConfig server,
    LogConfig log,
    AuthenticationBackendConfig authenticationBackend,
    SessionConfig session,
    StorageConfig storage,
    NotifierConfig notifier,
    RegulationConfig regulation,
    TotpConfig totp,
    OidcConfig oidc,
    TelemetryConfig telemetry) {
}
