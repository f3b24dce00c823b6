package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.StorageConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code storage}: an {@code encryption_key} of 20 or more characters, and exactly one of
 * {@code local} (an embedded database file) or {@code postgres}. Authelia's {@code mysql} is
 * refused: Gatehouse's migrations cover H2 and PostgreSQL only.
 */
final class StorageBinder {

  private static final int MINIMUM_KEY_LENGTH = 20;
  private static final int POSTGRES_PORT = 5432;
  private static final List<String> TCP_SCHEMES = List.of("tcp", "tcp4", "tcp6");

  private StorageBinder() {
  }

  static StorageConfig bind(ConfigNode storage) {
    ConfigNode keyNode = storage.child("encryption_key");
    String encryptionKey = keyNode.string();
    if (encryptionKey == null) {
      keyNode.error("is required: a random secret of 20 or more characters that encrypts"
          + " sensitive values in the database");
    } else if (encryptionKey.length() < MINIMUM_KEY_LENGTH) {
      keyNode.error("must be 20 characters or longer");
    }

    ConfigNode localNode = storage.child("local");
    ConfigNode postgresNode = storage.child("postgres");
    ConfigNode mysqlNode = storage.child("mysql");
    if (mysqlNode.isPresent()) {
      mysqlNode.markHandled();
      mysqlNode.error("MySQL/MariaDB storage is not supported by Gatehouse; only 'local' and"
          + " 'postgres' are");
    }
    StorageConfig.Local local = localNode.isPresent() ? bindLocal(localNode) : null;
    StorageConfig.Postgres postgres = postgresNode.isPresent() ? bindPostgres(postgresNode) : null;
    if (localNode.isPresent() && postgresNode.isPresent()) {
      storage.error("options 'local' and 'postgres' are mutually exclusive but both are configured");
    } else if (!localNode.isPresent() && !postgresNode.isPresent() && !mysqlNode.isPresent()) {
      storage.error("a 'local' or 'postgres' database must be configured, e.g."
          + " local.path: 'data/gatehouse'");
    }
    return new StorageConfig(encryptionKey, local, postgres);
  }

  private static StorageConfig.Local bindLocal(ConfigNode local) {
    ConfigNode pathNode = local.child("path");
    String path = pathNode.string();
    if (path == null) {
      pathNode.error("is required: the database file, e.g. 'data/gatehouse'");
      return null;
    }
    try {
      return new StorageConfig.Local(Path.of(path));
    } catch (InvalidPathException e) {
      pathNode.error("'" + path + "' is not a valid file path: " + e.getReason());
      return null;
    }
  }

  private static StorageConfig.Postgres bindPostgres(ConfigNode postgres) {
    ConfigNode addressNode = postgres.child("address");
    String database = required(postgres.child("database"), "the database name");
    String schema = postgres.child("schema").string("public");
    String username = required(postgres.child("username"), "the user to connect as");
    String password = postgres.child("password").string();
    Duration timeout = postgres.child("timeout").positiveDuration(Duration.ofSeconds(5));
    String text = addressNode.string();
    if (text == null) {
      addressNode.error("is required, e.g. 'tcp://postgres:5432'");
      return null;
    }
    Address address;
    try {
      address = Address.parse(text, "tcp");
    } catch (IllegalArgumentException e) {
      addressNode.error(e.getMessage());
      return null;
    }
    if (!TCP_SCHEMES.contains(address.scheme())) {
      addressNode.error("'" + text + "' has the scheme '" + address.scheme() + "' but Gatehouse"
          + " connects to PostgreSQL over " + ConfigNode.joinOr(TCP_SCHEMES));
      return null;
    }
    if (address.host().isEmpty()) {
      addressNode.error("'" + text + "' has no host; write it as tcp://host:port");
      return null;
    }
    int port = address.port() == null ? POSTGRES_PORT : address.port();
    return new StorageConfig.Postgres(address.host(), port, database, schema, username, password,
        timeout);
  }

  private static String required(ConfigNode node, String what) {
    String value = node.string();
    if (value == null) {
      node.error("is required: " + what);
    }
    return value;
  }
}
