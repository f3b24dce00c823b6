package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.reader.Durations;
import dev.gatehouse.config.schema.AuthenticationBackendConfig;
import dev.gatehouse.config.schema.ConfiguredName;
import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.config.schema.UserAttributeNames;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code authentication_backend}: required, as in Authelia, with exactly one of the {@code file} and
 * {@code ldap} backends (see {@link LdapBackendBinder}), and {@code refresh_interval}.
 */
final class AuthenticationBackendBinder {

  private static final String ALWAYS = "always";
  private static final String DISABLE = "disable";

  private AuthenticationBackendBinder() {
  }

  static AuthenticationBackendConfig bind(ConfigNode backend) {
    ConfigNode file = backend.child("file");
    ConfigNode ldap = backend.child("ldap");
    if (!backend.isPresent()) {
      backend.error("is required: configure the 'file' backend with its 'path', or the 'ldap' backend");
      return null;
    }
    if (file.isPresent() == ldap.isPresent()) {
      backend.error(file.isPresent() ? "please ensure only one of the 'file' or 'ldap' backend is configured"
          : "you must ensure either the 'file' or 'ldap' authentication backend is configured");
      return null;
    }
    Duration refreshInterval = refreshInterval(backend.child("refresh_interval"), file.child("watch").bool(false));
    if (ldap.isPresent()) {
      return new AuthenticationBackendConfig(null, LdapBackendBinder.bind(ldap), refreshInterval);
    }
    AuthenticationBackendConfig.File users = usersFile(file);
    return users == null ? null : new AuthenticationBackendConfig(users, null, refreshInterval);
  }

  private static AuthenticationBackendConfig.File usersFile(ConfigNode file) {
    ConfigNode pathNode = file.child("path");
    boolean watch = file.child("watch").bool(false);
    String path = pathNode.string();
    if (path == null) {
      pathNode.error("is required: the users database file, e.g. 'config/users.yml'");
      return null;
    }
    try {
      return new AuthenticationBackendConfig.File(Path.of(path), watch,
          extraAttributes(file.child("extra_attributes")));
    } catch (InvalidPathException e) {
      pathNode.error("'" + path + "' is not a valid file path: " + e.getReason());
      return null;
    }
  }

  /**
   * {@code always} (zero), {@code disable} (null) or a duration; Authelia's default is {@code always} with a
   * watched users file and 5 minutes otherwise.
   */
  private static Duration refreshInterval(ConfigNode node, boolean watchedFile) {
    String text = node.string();
    if (text == null || text.isEmpty()) {
      return watchedFile ? Duration.ZERO : AuthenticationBackendConfig.DEFAULT_REFRESH_INTERVAL;
    }
    if (text.equals(ALWAYS)) {
      return Duration.ZERO;
    }
    if (text.equals(DISABLE)) {
      return null;
    }
    try {
      Duration duration = Durations.parse(text);
      if (!duration.isNegative()) {
        return duration;
      }
    } catch (IllegalArgumentException notADuration) {
      // Reported below, as Authelia words it.
    }
    node.error("is configured to '" + text + "' but it must be either in duration common syntax or one of"
        + " 'disable', or 'always'");
    return AuthenticationBackendConfig.DEFAULT_REFRESH_INTERVAL;
  }

  /** Authelia's checks: a known value type, and a name that is not a standard attribute's. */
  private static Map<String, ExtraAttribute> extraAttributes(ConfigNode node) {
    Map<String, ExtraAttribute> attributes = new LinkedHashMap<>();
    node.entries().forEach((name, attribute) -> {
      Optional<ExtraAttribute> type = extraAttribute(attribute);
      if (UserAttributeNames.STANDARD.contains(name)) {
        attribute.error("attribute name '" + name + "' is reserved");
      } else {
        type.ifPresent(known -> attributes.put(name, known));
      }
    });
    return attributes;
  }

  /** An {@code extra} attribute's {@code multi_valued} and {@code value_type}, of either backend. */
  static Optional<ExtraAttribute> extraAttribute(ConfigNode attribute) {
    boolean multiValued = attribute.child("multi_valued").bool(false);
    ConfigNode typeNode = attribute.child("value_type");
    String type = typeNode.string();
    Optional<ExtraAttribute.ValueType> valueType = ConfiguredName.of(ExtraAttribute.ValueType.class, type);
    if (type == null) {
      typeNode.error("option 'value_type' is required");
    } else if (valueType.isEmpty()) {
      typeNode.error("option 'value_type' must be one of "
          + ConfigNode.joinOr(ConfiguredName.names(ExtraAttribute.ValueType.class))
          + " but it's configured as '" + type + "'");
    }
    return valueType.map(known -> new ExtraAttribute(multiValued, known));
  }
}
