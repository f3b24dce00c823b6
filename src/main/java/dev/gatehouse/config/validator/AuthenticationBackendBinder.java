package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthenticationBackendConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code authentication_backend}: required, as in Authelia. Gatehouse has the {@code file}
 * backend only; an {@code ldap} section is reported as unsupported by the key check, and without a
 * {@code file} section that is also an error here.
 */
final class AuthenticationBackendBinder {

  private AuthenticationBackendBinder() {
  }

  static AuthenticationBackendConfig bind(ConfigNode backend) {
    ConfigNode file = backend.child("file");
    if (!file.isPresent()) {
      String hint = backend.child("ldap").isPresent()
          ? "; the 'ldap' backend is not supported by Gatehouse yet" : "";
      if (backend.isPresent()) {
        file.error("is required: configure the 'file' backend with its 'path'" + hint);
      } else {
        backend.error("is required: configure the 'file' backend with its 'path'");
      }
      return null;
    }
    ConfigNode pathNode = file.child("path");
    boolean watch = file.child("watch").bool(false);
    String path = pathNode.string();
    if (path == null) {
      pathNode.error("is required: the users database file, e.g. 'config/users.yml'");
      return null;
    }
    try {
      return new AuthenticationBackendConfig(Path.of(path), watch);
    } catch (InvalidPathException e) {
      pathNode.error("'" + path + "' is not a valid file path: " + e.getReason());
      return null;
    }
  }
}
