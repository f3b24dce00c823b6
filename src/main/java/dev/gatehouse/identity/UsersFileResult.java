package dev.gatehouse.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading users.yml gave: the users by username when the file is usable ({@link #isValid()}), or the
 * problems that make it unusable, one line each. Warnings name what was accepted but ignored.
 */
public record UsersFileResult(Map<String, User> users, List<String> problems, List<String> warnings) {

  public UsersFileResult {
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  static UsersFileResult of(Map<String, User> users, Findings findings) {
    return findings.hasProblems()
        ? new UsersFileResult(Map.of(), findings.problems(), findings.warnings())
        : new UsersFileResult(users, List.of(), findings.warnings());
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
