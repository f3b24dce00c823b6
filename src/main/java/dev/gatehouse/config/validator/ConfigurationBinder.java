package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.Configuration;

/**
 * Binds every section of a merged configuration tree into the schema records, one binder per
 * section as Authelia has one validator per section. Problems go to the node's context.
 */
public final class ConfigurationBinder {

  private ConfigurationBinder() {
  }

  public static Configuration bind(ConfigNode root) {
    return new Configuration(
        ServerBinder.bind(root.child("server")),
        LogBinder.bind(root.child("log")),
        AuthenticationBackendBinder.bind(root.child("authentication_backend")),
        SessionBinder.bind(root.child("session")),
        StorageBinder.bind(root.child("storage")),
        NotifierBinder.bind(root.child("notifier")),
        RegulationBinder.bind(root.child("regulation")),
        TotpBinder.bind(root.child("totp")),
        OidcBinder.bind(root.child("identity_providers").child("oidc")));
  }
}
