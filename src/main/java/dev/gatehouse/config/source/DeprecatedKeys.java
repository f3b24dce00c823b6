package dev.gatehouse.config.source;

import dev.gatehouse.config.reader.Problems;
import java.util.List;
import java.util.Map;

/**
 * Keys Authelia renamed and still maps to their new names (its {@code deprecation.go}, the
 * single-key entries with auto-mapping), so that an older Authelia file loads. Each use gives
 * Authelia's warning. When the new key is also present the old one is dropped, as in Authelia.
 * The multi-key mappings ({@code server.host}/{@code port}/{@code path} to {@code server.address},
 * {@code storage.*.host}/{@code port} to {@code address}) are not made: those keys are reported as
 * unknown and the fix is to write the {@code address}.
 */
public final class DeprecatedKeys {

  private record Rename(String oldKey, String newKey, String version) {
  }

  /** A rename inside every element of a list ({@code clients[].id} to {@code clients[].client_id}). */
  private record ElementRename(String list, String oldName, String newName, String version) {
  }

  private static final List<Rename> RENAMES = List.of(
      new Rename("logs_level", "log.level", "4.7.0"),
      new Rename("logs_file", "log.file_path", "4.7.0"),
      new Rename("authentication_backend.ldap.skip_verify",
          "authentication_backend.ldap.tls.skip_verify", "4.25.0"),
      new Rename("authentication_backend.ldap.minimum_tls_version",
          "authentication_backend.ldap.tls.minimum_version", "4.25.0"),
      new Rename("notifier.smtp.disable_verify_cert", "notifier.smtp.tls.skip_verify", "4.25.0"),
      new Rename("tls_key", "server.tls.key", "4.30.0"),
      new Rename("tls_cert", "server.tls.certificate", "4.30.0"),
      new Rename("log_level", "log.level", "4.30.0"),
      new Rename("log_file_path", "log.file_path", "4.30.0"),
      new Rename("log_format", "log.format", "4.30.0"),
      new Rename("storage.postgres.sslmode", "storage.postgres.ssl.mode", "4.36.0"),
      new Rename("authentication_backend.disable_reset_password",
          "authentication_backend.password_reset.disable", "4.36.0"),
      new Rename("server.read_buffer_size", "server.buffers.read", "4.36.0"),
      new Rename("server.write_buffer_size", "server.buffers.write", "4.36.0"),
      new Rename("session.remember_me_duration", "session.remember_me", "4.38.0"),
      new Rename("server.enable_pprof", "server.endpoints.enable_pprof", "4.38.0"),
      new Rename("server.enable_expvars", "server.endpoints.enable_expvars", "4.38.0"),
      new Rename("identity_providers.oidc.access_token_lifespan",
          "identity_providers.oidc.lifespans.access_token", "4.38.0"),
      new Rename("identity_providers.oidc.authorize_code_lifespan",
          "identity_providers.oidc.lifespans.authorize_code", "4.38.0"),
      new Rename("identity_providers.oidc.id_token_lifespan",
          "identity_providers.oidc.lifespans.id_token", "4.38.0"),
      new Rename("identity_providers.oidc.refresh_token_lifespan",
          "identity_providers.oidc.lifespans.refresh_token", "4.38.0"),
      new Rename("authentication_backend.ldap.url", "authentication_backend.ldap.address", "4.38.0"),
      new Rename("authentication_backend.ldap.username_attribute",
          "authentication_backend.ldap.attributes.username", "4.38.0"),
      new Rename("authentication_backend.ldap.mail_attribute",
          "authentication_backend.ldap.attributes.mail", "4.38.0"),
      new Rename("authentication_backend.ldap.display_name_attribute",
          "authentication_backend.ldap.attributes.display_name", "4.38.0"),
      new Rename("authentication_backend.ldap.group_name_attribute",
          "authentication_backend.ldap.attributes.group_name", "4.38.0"),
      new Rename("jwt_secret", "identity_validation.reset_password.jwt_secret", "4.38.0"),
      new Rename("webauthn.user_verification", "webauthn.selection_criteria.user_verification",
          "4.39.0"));

  private static final String CLIENTS = "identity_providers.oidc.clients";

  private static final List<ElementRename> ELEMENT_RENAMES = List.of(
      new ElementRename(CLIENTS, "id", "client_id", "4.38.0"),
      new ElementRename(CLIENTS, "secret", "client_secret", "4.38.0"),
      new ElementRename(CLIENTS, "description", "client_name", "4.38.0"),
      new ElementRename(CLIENTS, "sector_identifier", "sector_identifier_uri", "4.38.0"),
      new ElementRename(CLIENTS, "userinfo_signing_algorithm", "userinfo_signed_response_alg",
          "4.38.0"));

  private DeprecatedKeys() {
  }

  /** Renames deprecated keys in {@code tree}, warning about each. */
  public static void remap(Map<String, Object> tree, Problems problems) {
    for (Rename rename : RENAMES) {
      if (TreeMerge.get(tree, rename.oldKey()) == null) {
        continue;
      }
      if (TreeMerge.get(tree, rename.newKey()) == null) {
        TreeMerge.set(tree, rename.newKey(), TreeMerge.remove(tree, rename.oldKey()));
        problems.warn(rename.oldKey(), mapped(rename.oldKey(), rename.newKey(), rename.version()));
      } else {
        TreeMerge.remove(tree, rename.oldKey());
        problems.warn(rename.oldKey(), notMapped(rename.oldKey(), rename.newKey(), rename.version()));
      }
    }
    for (ElementRename rename : ELEMENT_RENAMES) {
      renameInElements(tree, rename, problems);
    }
  }

  @SuppressWarnings("unchecked")
  private static void renameInElements(Map<String, Object> tree, ElementRename rename,
      Problems problems) {
    if (!(TreeMerge.get(tree, rename.list()) instanceof List<?> list)) {
      return;
    }
    String oldKey = rename.list() + "[]." + rename.oldName();
    String newKey = rename.list() + "[]." + rename.newName();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> element) || !element.containsKey(rename.oldName())) {
        continue;
      }
      Map<String, Object> item = (Map<String, Object>) element;
      String at = rename.list() + "[" + i + "]." + rename.oldName();
      if (item.get(rename.newName()) == null) {
        item.put(rename.newName(), item.remove(rename.oldName()));
        problems.warn(at, mapped(oldKey, newKey, rename.version()));
      } else {
        item.remove(rename.oldName());
        problems.warn(at, notMapped(oldKey, newKey, rename.version()));
      }
    }
  }

  /** Authelia's {@code errFmtAutoMapKey}. */
  private static String mapped(String oldKey, String newKey, String version) {
    return "configuration key '" + oldKey + "' is deprecated in " + version
        + " and has been replaced by '" + newKey + "': you are not required to make any changes as"
        + " this has been automatically mapped for you, but to stop this warning being logged you"
        + " will need to adjust your configuration, and this configuration key and auto-mapping is"
        + " likely to be removed in 5.0.0";
  }

  /** Authelia's {@code errFmtAutoMapKeyExisting}. */
  private static String notMapped(String oldKey, String newKey, String version) {
    return "configuration key '" + oldKey + "' is deprecated in " + version
        + " and has been replaced by '" + newKey + "': this has not been automatically mapped for"
        + " you because the replacement key also exists and you will need to adjust your"
        + " configuration to remove this message";
  }
}
