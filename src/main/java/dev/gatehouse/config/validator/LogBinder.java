package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.LogConfig;
import java.util.List;

/** {@code log}: level (default info) and format (default text) as in Authelia. */
final class LogBinder {

  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");
  private static final List<String> FORMATS = List.of("text", "json");

  private LogBinder() {
  }

  static LogConfig bind(ConfigNode log) {
    return new LogConfig(
        log.child("level").choice("info", LEVELS),
        log.child("format").choice("text", FORMATS),
        log.child("file_path").string(),
        log.child("keep_stdout").bool(false));
  }
}
