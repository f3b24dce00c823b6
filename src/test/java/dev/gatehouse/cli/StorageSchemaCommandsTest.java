package dev.gatehouse.cli;

import static dev.gatehouse.cli.StorageUserCommandsTest.configuration;
import static dev.gatehouse.cli.StorageUserCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.StorageConfig;
import dev.gatehouse.regulation.JdbcRegulationStore;
import dev.gatehouse.storage.StorageAccess;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse storage bans|migrate|schema-info|encryption …} on an embedded database. */
class StorageSchemaCommandsTest {

  @TempDir
  Path directory;

  private String config() {
    return configuration(directory, TestGatehouse.storageLocal(directory));
  }

  @Test
  void anAdminsBanStandsForRegulationUntilRevoked() {
    String config = config();
    assertThat(run(config, "storage", "bans", "user", "list").out()).isEqualTo("No results.\n");
    assertThat(run(config, "storage", "bans", "user", "add", "john", "--permanent", "--reason", "left the company")
        .out()).isEqualTo("Successfully banned user 'john' permanently.\n");
    String until = run(config, "storage", "bans", "ip", "add", "203.0.113.9", "--duration", "2h").out();
    assertThat(until).startsWith("Successfully banned IP '203.0.113.9' until '");
    Instant expires = Instant.parse(until.substring(until.indexOf("until '") + 7, until.lastIndexOf("'")));
    assertThat(expires).isBetween(Instant.now().plus(119, ChronoUnit.MINUTES), Instant.now().plus(2, ChronoUnit.HOURS));

    assertThat(run(config, "storage", "bans", "user", "list").outLines()).containsExactly(
        "ID\tUsername\tExpires\tSource\tReason", "1\tjohn\tnever\tcli\tleft the company");
    assertThat(banned("john")).isTrue();

    assertThat(run(config, "storage", "bans", "user", "revoke", "john").outLines()).containsExactly(
        "ID\tUsername\tResult\tInformation", "1\tjohn\tSUCCESS\tN/A");
    assertThat(banned("john")).isFalse();
    assertThat(run(config, "storage", "bans", "user", "list").out()).isEqualTo("No results.\n");
    assertThat(run(config, "storage", "bans", "ip", "revoke", "--id", "1").outLines()).containsExactly(
        "ID\tIP\tResult\tInformation", "1\t\tSUCCESS\tN/A");

    CommandRun notAnAddress = run(config, "storage", "bans", "ip", "add", "example.com");
    assertThat(notAnAddress.exitCode()).isEqualTo(2);
    assertThat(notAnAddress.errLines().get(0)).isEqualTo("gatehouse: invalid IP address: example.com;"
        + " see 'gatehouse storage bans ip add --help'");
  }

  @Test
  void migrationsAreListedAppliedUpToATargetAndNeverUndone() {
    String config = config();
    assertThat(run(config, "storage", "migrate", "list-up").outLines()).startsWith(
        "Storage Schema Migration List (Up)", "", "Version\tDescription", "1\tinitial schema", "2\ttotp")
        .endsWith("11\tban administration", "12\ttoken digests");
    assertThat(run(config, "storage", "migrate", "up", "--target", "9").out())
        .isEqualTo("Storage Schema Migration from 0 to 9 is complete (9 applied)\n");
    assertThat(run(config, "storage", "schema-info").outLines()).startsWith("Schema Version: 9",
        "Schema Upgrade Available: yes - version 12");
    assertThat(run(config, "storage", "migrate", "list-up").outLines()).endsWith("10\twebauthn",
        "11\tban administration", "12\ttoken digests");
    CommandRun down = run(config, "storage", "migrate", "down", "--target", "5");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.err()).isEqualTo("gatehouse: Gatehouse's migrations only go forward; to return to an older"
        + " schema, restore the backup taken before the upgrade\n");

    assertThat(run(config, "storage", "migrate", "up").out())
        .isEqualTo("Storage Schema Migration from 9 to 12 is complete (3 applied)\n");
    assertThat(run(config, "storage", "schema-info").outLines()).contains("Schema Version: 12",
        "Schema Upgrade Available: no", "Schema Encryption Key: valid");
    assertThat(run(config, "storage", "migrate", "list-down").outLines()).containsExactly(
        "Storage Schema Migration List (Down)", "", "No Migrations Available");
  }

  @Test
  void aNewEncryptionKeyReEncryptsEverySecretAndTheOldOneNoLongerOpensThem() {
    String config = config();
    String uri = run(config, "storage", "user", "totp", "generate", "john").out();
    assertThat(run(config, "storage", "encryption", "check").out())
        .isEqualTo("Storage Encryption Key Validation: SUCCESS\n");

    CommandRun change = run(config, "storage", "encryption", "change-key", "--new-encryption-key",
        "a_new_and_even_longer_secret_key");
    assertThat(change.out()).startsWith("Completed the encryption key change (1 values re-encrypted).");

    CommandRun old = run(config, "storage", "encryption", "check", "--verbose");
    assertThat(old.exitCode()).isEqualTo(1);
    assertThat(old.outLines()).contains("Storage Encryption Key Validation: FAILURE",
        "Table (totp_configuration): FAILURE");
    String renewed = configuration(directory, """
        storage:
          encryption_key: 'a_new_and_even_longer_secret_key'
          local:
            path: '%s'
        """.formatted(directory.resolve("db")));
    assertThat(run(renewed, "storage", "encryption", "check").out())
        .isEqualTo("Storage Encryption Key Validation: SUCCESS\n");
    assertThat(uri).contains(run(renewed, "storage", "user", "totp", "export", "uri").outLines().get(0));
  }

  private boolean banned(String username) {
    StorageConfig storage = new StorageConfig("a_very_important_secret_for_tests",
        new StorageConfig.Local(directory.resolve("db")), null);
    try (StorageAccess access = StorageAccess.open(storage)) {
      return new JdbcRegulationStore(access.jdbc()).isUserBanned(username, Instant.now());
    }
  }
}
