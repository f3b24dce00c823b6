package dev.gatehouse.config.schema;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code authentication_backend}: exactly one of the users file ({@code file}) and a directory server
 * ({@code ldap}), and {@code refresh_interval}.
 *
 * @param file null with an LDAP backend
 * @param ldap null with the file backend
 * @param refreshInterval how long a directory user's details are used before they are read again:
 *     {@link Duration#ZERO} for {@code always}, null for {@code disable}
 */
public record AuthenticationBackendConfig(File file, LdapBackendConfig ldap, Duration refreshInterval) {

  /** Authelia's default {@code refresh_interval}. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);

  /**
   * {@code authentication_backend.file}: the users.yml database, whether it is reloaded on change, and the
   * types of the attributes its users may hold under {@code extra}.
   */
  public record File(Path path, boolean watch, Map<String, ExtraAttribute> extraAttributes) {

    public File {
      extraAttributes = Map.copyOf(extraAttributes);
    }
  }

  /** The users file; null with an LDAP backend. */
  public Path usersFile() {
    return file == null ? null : file.path();
  }

  public boolean watch() {
    return file != null && file.watch();
  }

  /** The {@code extra} attributes users may hold, by the name they take in Gatehouse, from either backend. */
  public Map<String, ExtraAttribute> extraAttributes() {
    if (file != null) {
      return file.extraAttributes();
    }
    Map<String, ExtraAttribute> byName = new LinkedHashMap<>();
    ldap.attributes().extra().values().forEach(attribute -> byName.put(attribute.name(), attribute.type()));
    return byName;
  }
}
