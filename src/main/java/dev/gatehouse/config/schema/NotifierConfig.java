package dev.gatehouse.config.schema;

import java.nio.file.Path;
import java.time.Duration;

/** {@code notifier}: exactly one of {@code filesystem} or {@code smtp}. */
public record NotifierConfig(boolean disableStartupCheck, Filesystem filesystem, Smtp smtp) {

  /** {@code notifier.filesystem.filename}: every message overwrites this file. */
  public record Filesystem(Path filename) {
  }

  /** {@code notifier.smtp}: address as {@code smtp://host:port} or {@code submissions://host:port}. */
  public record Smtp(String scheme, String host, int port, String username, String password,
      String sender, String identifier, String subject, Duration timeout,
      boolean disableRequireTls, boolean disableStarttls, boolean tlsSkipVerify) {
  }
}
