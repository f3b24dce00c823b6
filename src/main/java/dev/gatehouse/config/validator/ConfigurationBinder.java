package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthenticationBackendConfig;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.LogConfig;
import dev.gatehouse.config.schema.ServerConfig;
import java.util.Set;

/**
 * Binds every section of a merged configuration tree into the schema records, one binder per
 * section as Authelia has one validator per section. Problems go to the node's context.
 */
public final class ConfigurationBinder {

  private ConfigurationBinder() {
  }

  public static Configuration bind(ConfigNode root) {
    // In the order of the file's sections, which is the order of the problems reported.
    ServerConfig server = ServerBinder.bind(root.child("server"));
    LogConfig log = LogBinder.bind(root.child("log"));
    AuthenticationBackendConfig backend = AuthenticationBackendBinder.bind(root.child("authentication_backend"));
    return new Configuration(
        server,
        log,
        backend,
        SessionBinder.bind(root.child("session")),
        StorageBinder.bind(root.child("storage")),
        NotifierBinder.bind(root.child("notifier")),
        RegulationBinder.bind(root.child("regulation")),
        TotpBinder.bind(root.child("totp")),
        OidcBinder.bind(root.child("identity_providers").child("oidc"),
            DefinitionsBinder.networks(root.child("definitions")),
            backend == null ? Set.of() : backend.extraAttributes().keySet()),
        TelemetryBinder.bind(root.child("telemetry")));
  }
}
