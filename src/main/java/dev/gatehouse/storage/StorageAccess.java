package dev.gatehouse.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.config.schema.StorageConfig;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database of a configuration, opened outside the server for the admin commands: the same
 * connection settings and migrations as the server uses, two connections, closed with the command.
 * It refuses an embedded database that a running server holds, as a second server would.
 */
public final class StorageAccess implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final StorageConfig config;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  private StorageAccess(HikariDataSource dataSource, StorageConfig config) {
    this.dataSource = dataSource;
    this.config = config;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** Opens and migrates the database; {@link StorageRefused} with one line when it cannot be used now. */
  public static StorageAccess open(StorageConfig config) {
    return open(config, true);
  }

  /** Opens the database, migrating it to the newest schema when {@code migrate}. */
  public static StorageAccess open(StorageConfig config, boolean migrate) {
    if (StorageStartupCheck.heldByAnotherProcess(config)) {
      throw new StorageRefused("storage.local.path: the database '" + config.local().path().toAbsolutePath()
          + "' is in use by a running Gatehouse; stop it first: the embedded database has one user at a time");
    }
    List<String> problems = StorageStartupCheck.problemsBeforeStart(config);
    if (!problems.isEmpty()) {
      throw new StorageRefused(problems.get(0));
    }
    Map<String, Object> settings = StorageSettings.springProperties(config);
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl((String) settings.get("spring.datasource.url"));
    dataSource.setUsername((String) settings.get("spring.datasource.username"));
    dataSource.setPassword((String) settings.get("spring.datasource.password"));
    // Flyway holds one connection for its history table while it migrates on another.
    dataSource.setMaximumPoolSize(2);
    dataSource.setConnectionTimeout((Long) settings.get("spring.datasource.hikari.connection-timeout"));
    dataSource.setPoolName("gatehouse-command");
    try {
      StorageAccess access = new StorageAccess(dataSource, config);
      if (migrate) {
        access.flyway().migrate();
      } else {
        access.jdbc().execute("select 1");
      }
      return access;
    } catch (RuntimeException failure) {
      dataSource.close();
      throw new StorageRefused(StorageStartupCheck.explain(config, failure)
          .orElse("storage: cannot open the database: " + failure.getMessage()));
    }
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public TransactionTemplate transactions() {
    return transactions;
  }

  public StorageEncryption encryption() {
    return new StorageEncryption(config.encryptionKey());
  }

  public StorageEngine engine() {
    return StorageEngine.of(config);
  }

  /** The migrations of this engine, for the commands that list or apply them. */
  public Flyway flyway() {
    Map<String, Object> settings = StorageSettings.springProperties(config);
    var flyway = Flyway.configure().dataSource(dataSource)
        .locations((String) settings.get("spring.flyway.locations"));
    if (settings.get("spring.flyway.schemas") instanceof String schema) {
      flyway.schemas(schema);
    }
    return flyway.load();
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** The database cannot be used by a command now; the message is the line to show. */
  public static final class StorageRefused extends RuntimeException {

    public StorageRefused(String message) {
      super(message);
    }
  }
}
