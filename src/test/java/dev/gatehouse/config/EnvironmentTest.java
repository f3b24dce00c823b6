package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.WITH_CLIENT;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from environment variables and secrets from files named by {@code _FILE} variables. */
class EnvironmentTest {

  @TempDir
  Path directory;

  @Test
  void gatehousePrefixedVariableOverridesTheFile() {
    LoadResult result = load(Map.of("GATEHOUSE_SERVER_ADDRESS", "tcp://127.0.0.1:8080/auth",
        "GATEHOUSE_LOG_LEVEL", "debug"), MINIMAL + "log:\n  level: info\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().server().host()).isEqualTo("127.0.0.1");
    assertThat(result.configuration().server().port()).isEqualTo(8080);
    assertThat(result.configuration().server().path()).isEqualTo("/auth");
    assertThat(result.configuration().log().level()).isEqualTo("debug");
  }

  @Test
  void autheliaPrefixedVariableWorksToo() {
    LoadResult result = load(Map.of("AUTHELIA_REGULATION_FIND_TIME", "1m",
        "AUTHELIA_REGULATION_MODES", "user,ip"), MINIMAL);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().regulation().findTime()).isEqualTo(Duration.ofMinutes(1));
    assertThat(result.configuration().regulation().modes()).containsExactly("user", "ip");
  }

  @Test
  void gatehousePrefixBeatsAutheliaPrefix() {
    LoadResult result = load(Map.of("GATEHOUSE_TOTP_ISSUER", "gatehouse.example",
        "AUTHELIA_TOTP_ISSUER", "authelia.example"), MINIMAL);

    assertThat(result.configuration().totp().issuer()).isEqualTo("gatehouse.example");
    assertThat(result.warnings()).containsExactly("totp.issuer: both GATEHOUSE_TOTP_ISSUER and"
        + " AUTHELIA_TOTP_ISSUER are set; using GATEHOUSE_TOTP_ISSUER");
  }

  @Test
  void keysWithUnderscoresAreMatchedWholeNotSplit() {
    LoadResult result = load(Map.of("GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET", "from-env",
        "GATEHOUSE_IDENTITY_PROVIDERS_OIDC_MINIMUM_PARAMETER_ENTROPY", "12"), WITH_CLIENT);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().oidc().hmacSecret()).isEqualTo("from-env");
    assertThat(result.configuration().oidc().minimumParameterEntropy()).isEqualTo(12);
  }

  @Test
  void variableWithAWrongValueIsReportedUnderItsKey() {
    LoadResult result = load(Map.of("GATEHOUSE_REGULATION_MAX_RETRIES", "many"), MINIMAL);

    assertThat(result.errors())
        .containsExactly("regulation.max_retries: expected an integer but got 'many'");
  }

  @Test
  void secretFromFileWithTrailingNewlineRemoved() throws IOException {
    Path secret = Files.writeString(directory.resolve("hmac"), "file-secret\n");

    LoadResult result = load(Map.of("GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE",
        secret.toString()), WITH_CLIENT.replace("    hmac_secret: 'a-random-hmac-secret'\n", ""));

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().oidc().hmacSecret()).isEqualTo("file-secret");
  }

  @Test
  void storageSecretsFromFiles() throws IOException {
    Path key = Files.writeString(directory.resolve("key"), "a-storage-key-from-a-secret-file\r\n");
    Path password = Files.writeString(directory.resolve("password"), "pg-password");

    LoadResult result = load(Map.of(
        "AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE", key.toString(),
        "GATEHOUSE_STORAGE_POSTGRES_PASSWORD_FILE", password.toString()),
        MINIMAL.replace("  encryption_key: 'a-random-key-of-more-than-twenty-characters'\n", "")
            .replace("  local:\n    path: 'data/gatehouse'\n", """
                  postgres:
                    address: 'tcp://db.internal'
                    database: 'gatehouse'
                    username: 'gatehouse'
                """));

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().storage().encryptionKey())
        .isEqualTo("a-storage-key-from-a-secret-file");
    assertThat(result.configuration().storage().postgres().password()).isEqualTo("pg-password");
    assertThat(result.configuration().storage().postgres().port()).isEqualTo(5432);
  }

  @Test
  void secretInBothVariableAndFileIsAnError() throws IOException {
    Path secret = Files.writeString(directory.resolve("hmac"), "file-secret");

    LoadResult result = load(Map.of(
        "GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET", "env-secret",
        "GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE", secret.toString()),
        WITH_CLIENT.replace("    hmac_secret: 'a-random-hmac-secret'\n", ""));

    assertThat(result.configuration()).isNull();
    assertThat(result.errors()).containsExactly("identity_providers.oidc.hmac_secret:"
        + " GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE names a secret file but the value is"
        + " already set by GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET; set a secret in one place"
        + " only");
  }

  @Test
  void secretInBothConfigurationFileAndSecretFileIsAnErrorAsInAuthelia() throws IOException {
    Path secret = Files.writeString(directory.resolve("hmac"), "file-secret");

    LoadResult result = load(Map.of(
        "GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE", secret.toString()), WITH_CLIENT);

    assertThat(result.errors()).containsExactly("identity_providers.oidc.hmac_secret:"
        + " GATEHOUSE_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE names a secret file but the value is"
        + " already set by the configuration file; set a secret in one place only");
  }

  @Test
  void missingSecretFile() {
    LoadResult result = load(Map.of("GATEHOUSE_STORAGE_ENCRYPTION_KEY_FILE", "/no/such/secret"),
        MINIMAL.replace("  encryption_key: 'a-random-key-of-more-than-twenty-characters'\n", ""));

    assertThat(result.errors()).contains("storage.encryption_key: cannot read the secret file"
        + " '/no/such/secret' named by GATEHOUSE_STORAGE_ENCRYPTION_KEY_FILE: the file does not"
        + " exist");
  }

  @Test
  void unknownPrefixedVariablesAreWarnedAboutNotUsed() {
    LoadResult result = load(Map.of(
        "GATEHOUSE_SERVER_ADRESS", "tcp://:1234/",
        "AUTHELIA_SOMETHING_ELSE", "x",
        "GATEHOUSE_LOG_LEVEL_FILE", "/etc/passwd",
        "GATEHOUSE_CONFIG", "config/configuration.yml",
        "HOME", "/root"), MINIMAL);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().server().port()).isEqualTo(9091);
    assertThat(result.warnings()).containsExactly(
        "AUTHELIA_SOMETHING_ELSE: environment variable does not match any configuration key and is"
            + " ignored",
        "GATEHOUSE_LOG_LEVEL_FILE: environment variable does not match any configuration key and is"
            + " ignored",
        "GATEHOUSE_SERVER_ADRESS: environment variable does not match any configuration key and is"
            + " ignored; did you mean 'GATEHOUSE_SERVER_ADDRESS'?");
  }
}
