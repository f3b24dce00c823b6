package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.AuthenticationBackendConfig;
import dev.gatehouse.config.schema.ConfiguredName;
import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.config.schema.UserAttributeNames;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
      return new AuthenticationBackendConfig(Path.of(path), watch, extraAttributes(file.child("extra_attributes")));
    } catch (InvalidPathException e) {
      pathNode.error("'" + path + "' is not a valid file path: " + e.getReason());
      return null;
    }
  }

  /** Authelia's checks: a known value type, and a name that is not a standard attribute's. */
  private static Map<String, ExtraAttribute> extraAttributes(ConfigNode node) {
    Map<String, ExtraAttribute> attributes = new LinkedHashMap<>();
    node.entries().forEach((name, attribute) -> {
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
      if (UserAttributeNames.STANDARD.contains(name)) {
        attribute.error("attribute name '" + name + "' is reserved");
      } else {
        valueType.ifPresent(known -> attributes.put(name, new ExtraAttribute(multiValued, known)));
      }
    });
    return attributes;
  }
}
