package dev.gatehouse.config.reader;

import dev.gatehouse.config.schema.ConfiguredName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One place in the configuration tree, found by its key path, with typed readers that record a
 * problem under that path instead of throwing. A reader given an absent (or YAML null) value
 * returns the default it was given; a reader given a value of the wrong type records
 * {@code <path>: expected ... but got ...} and also returns the default, so reading goes on and
 * every problem of a file is reported at once.
 *
 * <p>Values are read as Authelia reads them (weakly typed): {@code "3"} is an integer, a comma
 * separated string is a list (that is how lists arrive from environment variables), and numbers
 * or booleans are accepted where text is expected. An empty string counts as absent.
 */
public final class ConfigNode {

  private final String path;
  private final Object value;
  private final ReadContext context;

  private ConfigNode(String path, Object value, ReadContext context) {
    this.path = path;
    this.value = value;
    this.context = context;
  }

  /** The top of a merged configuration tree. */
  public static ConfigNode root(Map<String, Object> tree, ReadContext context) {
    return new ConfigNode("", tree, context);
  }

  /** The full key path, e.g. {@code identity_providers.oidc.clients[0].redirect_uris}. */
  public String path() {
    return path;
  }

  /** Whether the value is a list (where a setting may be one value or several). */
  public boolean isList() {
    return value instanceof List<?>;
  }

  /** Whether the key is present with a non-null value. */
  public boolean isPresent() {
    return value != null && !"".equals(value);
  }

  /**
   * Whether the value is absent or a list: where a list is required, an empty one is worth an
   * error of its own, but a value of another type already has its type error.
   */
  public boolean isAbsentOrList() {
    return !isPresent() || value instanceof List<?>;
  }

  /** The key {@code name} under this map; asking for it marks it as implemented. */
  public ConfigNode child(String name) {
    String childPath = path.isEmpty() ? name : path + "." + name;
    context.consume(childPath);
    if (value instanceof Map<?, ?> map) {
      return new ConfigNode(childPath, map.get(name), context);
    }
    if (value != null) {
      context.typeError(path, "expected a map of options but got " + describe(value));
    }
    return new ConfigNode(childPath, null, context);
  }

  /**
   * Marks everything under this key as handled by the caller, for a section the caller rejects as
   * a whole (so its sub-keys are not also reported as unsupported).
   */
  public void markHandled() {
    context.consumeSubtree(path);
  }

  /** The value as text; null when absent or empty. */
  public String string() {
    if (value == null || value instanceof String text && text.isEmpty()) {
      return null;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    context.typeError(path, "expected a string but got " + describe(value));
    return null;
  }

  public String string(String defaultValue) {
    String text = string();
    return text == null ? defaultValue : text;
  }

  /**
   * The value, which must be one of {@code allowed}; otherwise an error in Authelia's words
   * ({@code must be one of 'a', 'b', or 'c' but it's configured as 'x'}) and the default.
   */
  public String choice(String defaultValue, List<String> allowed) {
    String text = string();
    if (text == null) {
      return defaultValue;
    }
    if (!allowed.contains(text)) {
      error("must be one of " + joinOr(allowed) + " but it's configured as '" + text + "'");
      return defaultValue;
    }
    return text;
  }

  /** As {@link #choice(String, List)}, for a setting whose choices are an enum's. */
  public <E extends Enum<E> & ConfiguredName> E choice(E defaultValue, Class<E> type) {
    E chosen = choiceOrNull(type);
    return chosen == null ? defaultValue : chosen;
  }

  /** As {@link #choice(Enum, Class)}, for a setting that may be left empty: null then. */
  public <E extends Enum<E> & ConfiguredName> E choiceOrNull(Class<E> type) {
    String text = choice(null, ConfiguredName.names(type));
    return text == null ? null : ConfiguredName.of(type, text).orElseThrow();
  }

  public int integer(int defaultValue) {
    Integer number = toInteger(value, path);
    return number == null ? defaultValue : number;
  }

  public boolean bool(boolean defaultValue) {
    if (value == null || value instanceof String text && text.isEmpty()) {
      return defaultValue;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      switch (text.trim().toLowerCase()) {
        case "true", "1":
          return true;
        case "false", "0":
          return false;
        default:
          break;
      }
    }
    context.typeError(path, "expected true or false but got " + describe(value));
    return defaultValue;
  }

  public Duration duration(Duration defaultValue) {
    Duration parsed = durationOrNull();
    return parsed == null ? defaultValue : parsed;
  }

  /**
   * A duration where zero or negative means "not set" (Authelia's rule for most of its
   * durations): those, and an absent value, give the default.
   */
  public Duration positiveDuration(Duration defaultValue) {
    Duration parsed = durationOrNull();
    return parsed == null || parsed.isZero() || parsed.isNegative() ? defaultValue : parsed;
  }

  /** The value as a duration, or null when absent (for values that inherit from elsewhere). */
  public Duration durationOrNull() {
    if (value == null || value instanceof String text && text.isEmpty()) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Duration.ofSeconds(((Number) value).longValue());
    }
    if (value instanceof String text) {
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        context.typeError(path, "expected a duration such as '90s', '5m', '1h30m' or '1 week' but "
            + e.getMessage());
        return null;
      }
    }
    context.typeError(path, "expected a duration such as '90s', '5m', '1h30m' or '1 week' but got "
        + describe(value));
    return null;
  }

  /** A list of strings; a comma separated string is split. Absent: the default. */
  public List<String> strings(List<String> defaultValue) {
    return scalars(defaultValue, element -> element.string());
  }

  /** A list of integers; a comma separated string is split. Absent: the default. */
  public List<Integer> integers(List<Integer> defaultValue) {
    return scalars(defaultValue, element -> toInteger(element.value, element.path));
  }

  /** The elements of a list of maps (or other values); absent: an empty list. */
  public List<ConfigNode> items() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      context.typeError(path, "expected a list but got " + describe(value));
      return List.of();
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(new ConfigNode(path + "[" + i + "]", list.get(i), context));
    }
    return items;
  }

  /** Element {@code index} of this list, to report a problem with it ({@code redirect_uris[1]}). */
  public ConfigNode element(int index) {
    Object element = value instanceof List<?> list && index < list.size() ? list.get(index) : null;
    return new ConfigNode(path + "[" + index + "]", element, context);
  }

  /** The entries of a map whose keys are names (e.g. {@code lifespans.custom}); absent: empty. */
  public Map<String, ConfigNode> entries() {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      context.typeError(path, "expected a map but got " + describe(value));
      return Map.of();
    }
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    for (Object key : map.keySet()) {
      entries.put(key.toString(), child(key.toString()));
    }
    return Collections.unmodifiableMap(entries);
  }

  /** Records an error about this key. */
  public void error(String message) {
    context.problems().error(path, message);
  }

  /** Records a warning about this key. */
  public void warn(String message) {
    context.problems().warn(path, message);
  }

  /** Authelia's way of listing choices: {@code 'a', 'b', or 'c'}; {@code 'a' or 'b'}. */
  public static String joinOr(List<String> values) {
    return join(values, "or");
  }

  /** {@code 'a', 'b', and 'c'}. */
  public static String joinAnd(List<String> values) {
    return join(values, "and");
  }

  private static String join(List<String> values, String word) {
    List<String> quoted = values.stream().map(v -> "'" + v + "'").toList();
    if (quoted.size() <= 2) {
      return String.join(" " + word + " ", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", " + word + " "
        + quoted.get(quoted.size() - 1);
  }

  private <T> List<T> scalars(List<T> defaultValue, Function<ConfigNode, T> convert) {
    if (value == null) {
      return defaultValue;
    }
    List<?> elements;
    if (value instanceof List<?> list) {
      elements = list;
    } else if (value instanceof String text) {
      elements = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    } else {
      context.typeError(path, "expected a list but got " + describe(value));
      return defaultValue;
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      String elementPath = path + "[" + i + "]";
      if (element instanceof Map<?, ?> || element instanceof List<?>) {
        context.typeError(elementPath, "expected a single value but got " + describe(element));
        continue;
      }
      T converted = convert.apply(new ConfigNode(elementPath, element, context));
      if (converted != null) {
        result.add(converted);
      }
    }
    return List.copyOf(result);
  }

  private Integer toInteger(Object raw, String at) {
    if (raw == null || raw instanceof String text && text.isEmpty()) {
      return null;
    }
    if (raw instanceof Integer number) {
      return number;
    }
    if (raw instanceof String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    context.typeError(at, "expected an integer but got " + describe(raw));
    return null;
  }

  /** How a value is named in a type error: text is quoted, containers are named. */
  static String describe(Object value) {
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "'" + value + "'";
  }
}
