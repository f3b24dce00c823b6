package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthenticationBackendConfig;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.LogConfig;
import dev.gatehouse.config.schema.NotifierConfig;
import dev.gatehouse.config.schema.RegulationConfig;
import dev.gatehouse.config.schema.ServerConfig;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.StorageConfig;
import dev.gatehouse.config.schema.TotpConfig;
import dev.gatehouse.config.schema.WebAuthnConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Binds every section of a merged configuration tree into the schema records, one binder per
 * section as Authelia has one validator per section, then checks what only sections together can
 * show. Problems go to the node's context.
 */
public final class ConfigurationBinder {

  private ConfigurationBinder() {
  }

  public static Configuration bind(ConfigNode root) {
    // In the order of the file's sections, which is the order of the problems reported.
    ServerConfig server = ServerBinder.bind(root.child("server"));
    LogConfig log = LogBinder.bind(root.child("log"));
    AuthenticationBackendConfig backend = AuthenticationBackendBinder.bind(root.child("authentication_backend"));
    SessionConfig session = SessionBinder.bind(root.child("session"));
    StorageConfig storage = StorageBinder.bind(root.child("storage"));
    warnSharedSessionsOnLocalStorage(root, session, storage);
    NotifierConfig notifier = NotifierBinder.bind(root.child("notifier"));
    RegulationConfig regulation = RegulationBinder.bind(root.child("regulation"));
    TotpConfig totp = TotpBinder.bind(root.child("totp"));
    WebAuthnConfig webAuthn = WebAuthnBinder.bind(root.child("webauthn"));
    return new Configuration(
        server,
        log,
        backend,
        session,
        storage,
        notifier,
        regulation,
        totp,
        webAuthn,
        SecondFactorMethodBinder.bind(root.child("default_2fa_method"), totp, webAuthn),
        OidcBinder.bind(root.child("identity_providers").child("oidc"),
            DefinitionsBinder.networks(root.child("definitions")),
            backend == null ? Set.of() : backend.extraAttributes().keySet()),
        TelemetryBinder.bind(root.child("telemetry")),
        certificatesDirectory(root.child("certificates_directory")));
  }

  /** Authelia's check: when set, a directory that can be read. */
  private static Path certificatesDirectory(ConfigNode node) {
    String location = node.string();
    if (location == null || location.isEmpty()) {
      return null;
    }
    Path directory;
    try {
      directory = Path.of(location);
    } catch (InvalidPathException e) {
      node.error("the location '" + location + "' could not be inspected: " + e.getReason());
      return null;
    }
    if (!Files.exists(directory)) {
      node.error("the location '" + location + "' could not be inspected: no such file or directory");
    } else if (!Files.isDirectory(directory)) {
      node.error("the location refers to '" + location + "' which is not a directory");
    }
    return directory;
  }

  /**
   * Redis is there to share sessions between instances, but each instance on {@code storage.local}
   * has its own database: a code issued by one would be unknown to the next. Only a warning, since
   * one instance on Redis (to keep sessions over restarts) works.
   */
  private static void warnSharedSessionsOnLocalStorage(ConfigNode root, SessionConfig session,
      StorageConfig storage) {
    if (session.redis() != null && storage.local() != null) {
      root.child("session").child("redis").warn("sessions are shared through Redis but storage.local"
          + " (the embedded database) serves one instance only: run several instances on"
          + " storage.postgres");
    }
  }
}
