package dev.gatehouse.config.reader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The errors and warnings found while loading a configuration, one line each, in the order found.
 * Every line starts with what it is about: a key path, a file or an environment variable. The same
 * line is kept once, so two routes to one problem do not print it twice.
 */
public final class Problems {

  private final Set<String> errors = new LinkedHashSet<>();
  private final Set<String> warnings = new LinkedHashSet<>();

  /** Records an error about {@code subject} (a key path, file or variable name). */
  public void error(String subject, String message) {
    errors.add(line(subject, message));
  }

  /** Records a warning about {@code subject} (a key path, file or variable name). */
  public void warn(String subject, String message) {
    warnings.add(line(subject, message));
  }

  /** Appends everything {@code other} found after what this one found. */
  public void addAll(Problems other) {
    errors.addAll(other.errors);
    warnings.addAll(other.warnings);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<String> errors() {
    return List.copyOf(errors);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private static String line(String subject, String message) {
    return subject.isEmpty() ? message : subject + ": " + message;
  }
}
