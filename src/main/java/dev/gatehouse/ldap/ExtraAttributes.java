package dev.gatehouse.ldap;

import com.unboundid.ldap.sdk.Entry;
import dev.gatehouse.config.schema.ExtraAttribute.ValueType;
import dev.gatehouse.config.schema.LdapBackendConfig.ExtraLdapAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code attributes.extra}: directory attributes typed as string, integer or boolean, one value or a list.
 * Values become what the file backend's {@code extra} holds (String, Long, Boolean), so that claims are
 * built alike for both backends. Booleans are read as Go's {@code strconv.ParseBool} reads them.
 */
final class ExtraAttributes {

  private static final Logger log = LoggerFactory.getLogger(ExtraAttributes.class);
  private static final List<String> TRUE = List.of("1", "t", "T", "TRUE", "true", "True");
  private static final List<String> FALSE = List.of("0", "f", "F", "FALSE", "false", "False");

  private final Map<String, ExtraLdapAttribute> definitions;

  ExtraAttributes(Map<String, ExtraLdapAttribute> definitions) {
    this.definitions = definitions;
  }

  /**
   * The values by Gatehouse name. A single value that is missing is left out; a list may be empty. A value
   * that does not parse as its type leaves its attribute out with a warning (Authelia fails the userinfo
   * request instead, which would lock the user out of every client over one attribute).
   */
  Map<String, Object> read(Entry entry) {
    Map<String, Object> values = new LinkedHashMap<>();
    definitions.forEach((attribute, definition) -> {
      try {
        typed(entry, attribute, definition).ifPresent(value -> values.put(definition.name(), value));
      } catch (IllegalArgumentException e) {
        log.warn("Leaving out the extra attribute '{}' of {}: {}", attribute, entry.getDN(), e.getMessage());
      }
    });
    return values;
  }

  private static Optional<Object> typed(Entry entry, String attribute, ExtraLdapAttribute definition) {
    ValueType type = definition.type().valueType();
    if (definition.type().multiValued()) {
      List<Object> list = new ArrayList<>();
      UserEntries.values(entry, attribute).forEach(value -> list.add(parse(value, type)));
      return Optional.of(list);
    }
    return Optional.ofNullable(UserEntries.value(entry, attribute)).map(value -> parse(value, type));
  }

  private static Object parse(String value, ValueType type) {
    return switch (type) {
      case STRING -> value;
      case INTEGER -> Long.parseLong(value);
      case BOOLEAN -> parseBoolean(value);
    };
  }

  private static Boolean parseBoolean(String value) {
    if (TRUE.contains(value) || FALSE.contains(value)) {
      return TRUE.contains(value);
    }
    throw new IllegalArgumentException("'" + value + "' is not a boolean");
  }
}
