package dev.gatehouse.config.schema;

import java.nio.file.Path;
import java.time.Duration;

/** {@code storage}: exactly one of {@code local} (embedded H2 file) or {@code postgres}. */
public record StorageConfig(String encryptionKey, Local local, Postgres postgres) {

  /** {@code storage.local.path}: the database file; H2 adds its own suffix. */
  public record Local(Path path) {
  }

  /** {@code storage.postgres}: address as {@code tcp://host:port}. */
  public record Postgres(String host, int port, String database, String schema, String username,
      String password, Duration timeout) {
  }
}
