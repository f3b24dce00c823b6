package dev.gatehouse.config.schema;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code authentication_backend.file}: the users.yml database, whether it is reloaded on change,
 * and the types of the attributes its users may hold under {@code extra}.
 */
public record AuthenticationBackendConfig(Path usersFile, boolean watch, Map<String, ExtraAttribute> extraAttributes) {

  public AuthenticationBackendConfig {
    extraAttributes = Map.copyOf(extraAttributes);
  }
}
