package dev.gatehouse.config.reader;

import java.util.HashSet;
import java.util.Set;

/**
 * What the section binders share while reading one configuration tree: where problems go and which
 * key paths they asked for. A key that is present but that no binder asked for is one Gatehouse
 * does not implement; {@link KeyChecker} warns about those.
 */
public final class ReadContext {

  private final Problems problems;
  private final Set<String> consumed = new HashSet<>();
  private final Set<String> consumedSubtrees = new HashSet<>();
  private final Set<String> typeErrorsReported = new HashSet<>();

  public ReadContext(Problems problems) {
    this.problems = problems;
  }

  public Problems problems() {
    return problems;
  }

  void consume(String path) {
    consumed.add(path);
  }

  void consumeSubtree(String path) {
    consumedSubtrees.add(path);
  }

  /** Whether a binder asked for {@code path}, or took responsibility for a subtree holding it. */
  public boolean isConsumed(String path) {
    if (consumed.contains(path)) {
      return true;
    }
    for (String subtree : consumedSubtrees) {
      if (path.equals(subtree) || path.startsWith(subtree + ".") || path.startsWith(subtree + "[")) {
        return true;
      }
    }
    return false;
  }

  /** Records a type error once per path, however many readers stumble over the same value. */
  void typeError(String path, String message) {
    if (typeErrorsReported.add(path)) {
      problems.error(path, message);
    }
  }
}
