package dev.gatehouse.config.schema;

import java.nio.file.Path;

/** {@code authentication_backend.file}: the users.yml database and whether it is reloaded on change. */
public record AuthenticationBackendConfig(Path usersFile, boolean watch) {
}
