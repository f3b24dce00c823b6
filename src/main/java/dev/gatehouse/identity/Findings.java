package dev.gatehouse.identity;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The problems (the file cannot be used) and warnings (it can, but something is ignored) found while
 * reading one users.yml. Each is a single line naming the file, the key and the line, so that an admin
 * can fix every one of them in one edit: {@code /config/users.yml: users.john.password: … (line 4)}.
 */
final class Findings {

  private final String file;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  Findings(String file) {
    this.file = file;
  }

  void problem(String message) {
    problems.add(file + ": " + message);
  }

  void problem(String key, Node at, String message) {
    problems.add(located(key, at, message));
  }

  void warning(String key, Node at, String message) {
    warnings.add(located(key, at, message));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  private String located(String key, Node at, String message) {
    return file + ": " + key + ": " + message + " (line " + (at.getStartMark().getLine() + 1) + ")";
  }
}
