package dev.gatehouse.config.reader;

import java.util.List;
import java.util.Map;

/**
 * Walks the merged tree after the binders have read it, and reports each key that Authelia does
 * not know as an error (suggesting a close spelling) and each key Authelia knows but no binder
 * asked for as a warning: Gatehouse does not implement it yet and ignores it.
 */
public final class KeyChecker {

  /** Largest edit distance at which a known key is offered as "did you mean". */
  private static final int SUGGESTION_DISTANCE = 2;

  private final KnownKeys known = KnownKeys.instance();
  private final ReadContext context;
  private final Problems problems;

  private KeyChecker(ReadContext context, Problems problems) {
    this.context = context;
    this.problems = problems;
  }

  /** Checks {@code tree}, recording into {@code problems}. */
  public static void check(Map<String, Object> tree, ReadContext context, Problems problems) {
    new KeyChecker(context, problems).walkMap(tree, "", "", false);
  }

  private void walkMap(Map<?, ?> map, String pattern, String path, boolean alreadyWarned) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      String childPath = path.isEmpty() ? name : path + "." + name;
      String childPattern = known.childPattern(pattern, name);
      if (childPattern == null) {
        problems.error(childPath, "unknown configuration key" + suggestion(pattern, path, name));
        continue;
      }
      boolean warned = alreadyWarned;
      if (!warned && !context.isConsumed(childPath)) {
        problems.warn(childPath, "not supported by Gatehouse yet and is ignored");
        warned = true;
      }
      walkValue(entry.getValue(), childPattern, childPath, warned);
    }
  }

  private void walkValue(Object value, String pattern, String path, boolean warned) {
    if (value instanceof Map<?, ?> map && known.hasChildren(pattern)) {
      walkMap(map, pattern, path, warned);
    } else if (value instanceof List<?> list && known.hasListElements(pattern)) {
      for (int i = 0; i < list.size(); i++) {
        walkValue(list.get(i), pattern + "[]", path + "[" + i + "]", warned);
      }
    }
  }

  private String suggestion(String parentPattern, String parentPath, String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known.childNames(parentPattern)) {
      int distance = EditDistance.between(name.toLowerCase(), candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > SUGGESTION_DISTANCE || bestDistance >= name.length()) {
      return "";
    }
    return "; did you mean '" + (parentPath.isEmpty() ? best : parentPath + "." + best) + "'?";
  }
}
