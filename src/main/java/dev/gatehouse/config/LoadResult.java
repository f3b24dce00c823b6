package dev.gatehouse.config;

import dev.gatehouse.config.schema.Configuration;
import java.util.List;

/**
 * What loading found: the configuration, or null when there is any error; and every error and
 * warning, one line each, each starting with the key path (or file, or variable) it is about.
 */
public record LoadResult(Configuration configuration, List<String> errors, List<String> warnings) {

  public LoadResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
