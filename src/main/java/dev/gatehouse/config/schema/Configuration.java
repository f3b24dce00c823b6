package dev.gatehouse.config.schema;

import java.nio.file.Path;

/**
 * The whole of configuration.yml after loading, defaults applied and validation passed.
 *
 * @param default2faMethod null when not set: a user is then shown first a method they have set up
 * @param certificatesDirectory null when not set: the PEM certificates of CAs to trust beside the JVM's,
 *     when Gatehouse connects to a server over TLS (the LDAP directory)
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
    TelemetryConfig telemetry,
    Path certificatesDirectory) {
}
