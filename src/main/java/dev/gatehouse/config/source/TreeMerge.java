package dev.gatehouse.config.source;

import java.util.LinkedHashMap;
import java.util.Map;

/** Deep merge of configuration trees, and setting one value by its key path. */
final class TreeMerge {

  private TreeMerge() {
  }

  /** Merges {@code later} into {@code target}: maps key by key, anything else replaced. */
  @SuppressWarnings("unchecked")
  static void into(Map<String, Object> target, Map<String, Object> later) {
    later.forEach((key, value) -> {
      Object existing = target.get(key);
      if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
        into((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
      } else {
        target.put(key, value);
      }
    });
  }

  /** The value at dotted {@code keyPath} (no list elements), or null. */
  static Object get(Map<String, Object> tree, String keyPath) {
    Object current = tree;
    for (String segment : keyPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  /** Sets dotted {@code keyPath}, creating the maps above it (a later source wins). */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> tree, String keyPath, Object value) {
    String[] segments = keyPath.split("\\.");
    Map<String, Object> current = tree;
    for (int i = 0; i < segments.length - 1; i++) {
      Object next = current.get(segments[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        current.put(segments[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(segments[segments.length - 1], value);
  }

  /** Removes dotted {@code keyPath} if present, returning its value. */
  static Object remove(Map<String, Object> tree, String keyPath) {
    int lastDot = keyPath.lastIndexOf('.');
    Object parent = lastDot < 0 ? tree : get(tree, keyPath.substring(0, lastDot));
    if (parent instanceof Map<?, ?> map) {
      return map.remove(keyPath.substring(lastDot + 1));
    }
    return null;
  }
}
