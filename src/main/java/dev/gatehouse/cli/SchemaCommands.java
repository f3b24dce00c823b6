package dev.gatehouse.cli;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.EncryptedValues;
import dev.gatehouse.storage.StorageAccess;
import dev.gatehouse.storage.StorageEncryption;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storage migrate …}, {@code storage schema-info} and {@code storage encryption …}: the
 * schema's migrations (Flyway's, forward only) and the encryption key, as Authelia's commands show them.
 */
final class SchemaCommands {

  private SchemaCommands() {
  }

  /** Runs on the schema as it is: these commands are the ones that look at, or make, migrations. */
  abstract static class AsItIs extends StorageCommand {

    AsItIs(Terminal terminal) {
      super(terminal);
    }

    @Override
    boolean migratesFirst() {
      return false;
    }
  }

  @Command(name = "list-up", description = "List the migrations that 'migrate up' would apply.")
  static final class ListUp extends AsItIs {

    ListUp(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      list(out, "Up", Arrays.asList(storage.flyway().info().pending()));
    }
  }

  @Command(name = "list-down", description = "List the migrations that 'migrate down' would revert: none, as"
      + " Gatehouse's migrations only go forward.")
  static final class ListDown extends AsItIs {

    ListDown(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      list(out, "Down", List.of());
    }
  }

  @Command(name = "history", description = "List the migrations applied so far.")
  static final class History extends AsItIs {

    History(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      MigrationInfo[] applied = storage.flyway().info().applied();
      out.printf("Migration History:%n%n");
      out.println("Version\tDate\tDescription");
      Arrays.stream(applied).forEach(migration -> out.println(migration.getVersion() + "\t"
          + migration.getInstalledOn().toInstant() + "\t" + migration.getDescription()));
    }
  }

  @Command(name = "up", description = "Apply the pending migrations, or those up to --target.")
  static final class Up extends AsItIs {

    @Option(names = {"-t", "--target"}, paramLabel = "<version>", description = "the version to migrate to")
    Integer target;

    Up(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      String before = version(storage.flyway().info());
      FluentConfiguration flyway = new FluentConfiguration().configuration(storage.flyway().getConfiguration());
      if (target != null) {
        flyway.target(MigrationVersion.fromVersion(String.valueOf(target)));
      }
      MigrateResult result = flyway.load().migrate();
      out.printf("Storage Schema Migration from %s to %s is complete (%d applied)%n", before,
          version(storage.flyway().info()), result.migrationsExecuted);
    }
  }

  @Command(name = "down", description = "Not offered: Gatehouse's migrations only go forward.")
  static final class Down extends AsItIs {

    @Option(names = {"-t", "--target"}, paramLabel = "<version>", description = "the version to go back to")
    Integer target;

    Down(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      throw new CommandFailure("Gatehouse's migrations only go forward; to return to an older schema, restore the"
          + " backup taken before the upgrade");
    }
  }

  @Command(name = "schema-info", description = "Show the schema version, whether an upgrade is available, the"
      + " tables, and whether the encryption key opens the stored values.")
  static final class Info extends AsItIs {

    Info(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      MigrationInfoService info = storage.flyway().info();
      MigrationInfo[] pending = info.pending();
      String upgrade = pending.length == 0 ? "no" : "yes - version " + pending[pending.length - 1].getVersion();
      List<String> tables = storage.jdbc().queryForList("select lower(table_name) from information_schema.tables"
          + " where lower(table_schema) = lower(?) and table_type in ('BASE TABLE', 'TABLE') order by 1",
          String.class, schema(configuration));
      boolean keyOpensAll = info.current() == null || new EncryptedValues(storage.jdbc())
          .check(storage.encryption()).stream().allMatch(check -> check.invalid() == 0);
      out.printf("Schema Version: %s%nSchema Upgrade Available: %s%nSchema Tables: %s%nSchema Encryption Key: %s%n",
          version(info), upgrade, tables.isEmpty() ? "N/A" : String.join(", ", tables),
          keyOpensAll ? "valid" : "invalid");
    }

    private static String schema(Configuration configuration) {
      return configuration.storage().postgres() != null ? configuration.storage().postgres().schema() : "public";
    }
  }

  @Command(name = "check", description = "Check that the encryption key opens every encrypted value.")
  static final class EncryptionCheck extends StorageCommand {

    @Option(names = {"-v", "--verbose"}, description = "show each table's count")
    boolean verbose;

    EncryptionCheck(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      List<EncryptedValues.Check> checks = new EncryptedValues(storage.jdbc()).check(storage.encryption());
      boolean valid = checks.stream().allMatch(check -> check.invalid() == 0);
      out.println(valid ? "Storage Encryption Key Validation: SUCCESS"
          : "Storage Encryption Key Validation: FAILURE");
      if (verbose || !valid) {
        out.println();
        out.println("Tables:");
        out.println();
        checks.forEach(check -> out.printf("Table (%s): %s%n\t\tInvalid Rows: %d%n\t\tTotal Rows: %d%n",
            check.table(), check.invalid() == 0 ? "SUCCESS" : "FAILURE", check.invalid(),
            check.valid() + check.invalid()));
      }
      if (!valid) {
        throw new CommandFailure("the encryption key does not open " + checks.stream()
            .mapToInt(EncryptedValues.Check::invalid).sum() + " stored values");
      }
    }
  }

  @Command(name = "change-key", description = "Re-encrypt every encrypted value under a new encryption key, in one"
      + " transaction; then set storage.encryption_key to it.")
  static final class EncryptionChangeKey extends StorageCommand {

    @Option(names = "--new-encryption-key", paramLabel = "<key>", required = true,
        description = "the new storage.encryption_key (20 characters or more)")
    String newKey;

    EncryptionChangeKey(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      if (newKey.length() < 20) {
        throw new IllegalArgumentException("the new encryption key must be 20 characters or more");
      }
      if (newKey.equals(configuration.storage().encryptionKey())) {
        throw new IllegalArgumentException("the new encryption key is the one in use");
      }
      EncryptedValues values = new EncryptedValues(storage.jdbc());
      int invalid = values.check(storage.encryption()).stream().mapToInt(EncryptedValues.Check::invalid).sum();
      if (invalid > 0) {
        throw new CommandFailure("the current encryption key does not open " + invalid + " stored values; nothing was"
            + " changed ('gatehouse storage encryption check --verbose' names the tables)");
      }
      Integer changed = storage.transactions().execute(status -> values.changeKey(storage.encryption(),
          new StorageEncryption(newKey)));
      out.printf("Completed the encryption key change (%d values re-encrypted). Please adjust your configuration"
          + " to use the new key (storage.encryption_key) before starting Gatehouse.%n", changed);
    }
  }

  private static void list(PrintWriter out, String direction, List<MigrationInfo> migrations) {
    out.printf("Storage Schema Migration List (%s)%n%n", direction);
    if (migrations.isEmpty()) {
      out.println("No Migrations Available");
      return;
    }
    out.println("Version\tDescription");
    migrations.forEach(migration -> out.println(migration.getVersion() + "\t" + migration.getDescription()));
  }

  private static String version(MigrationInfoService info) {
    return info.current() == null ? "0" : info.current().getVersion().toString();
  }
}
