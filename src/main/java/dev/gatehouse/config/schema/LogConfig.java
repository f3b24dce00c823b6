package dev.gatehouse.config.schema;

/** {@code log}: level is one of trace, debug, info, warn, error; format text or json. */
public record LogConfig(String level, String format, String filePath, boolean keepStdout) {
}
