package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code config validate}: Authelia's verdict lines, one line per problem, exit status 1 on errors only. */
class ConfigValidateCommandTest {

  @TempDir
  Path directory;

  @Test
  void theExampleConfigurationHasOnlyAutheliasLibreChatWarnings() {
    CommandRun run = CommandRun.of("config", "validate", "--config", "config/configuration.yml");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0)).isEqualTo("Configuration parsed and loaded with warnings:");
    assertThat(run.outLines().get(1)).startsWith("\t - identity_providers.oidc.clients[0].grant_types: ");
  }

  @Test
  void aCleanConfigurationSaysSo() throws Exception {
    Path users = Files.copy(Path.of("config/users.yml"), directory.resolve("users.yml"));
    Path file = Files.writeString(directory.resolve("configuration.yml"), """
        authentication_backend:
          file:
            path: '%s'
        session:
          cookies:
            - domain: 'example.com'
              authelia_url: 'https://auth.example.com'
        storage:
          encryption_key: 'a-very-long-encryption-key-for-tests'
          local:
            path: '%s'
        notifier:
          filesystem:
            filename: '%s'
        """.formatted(users, directory.resolve("db"), directory.resolve("notification.txt")));

    CommandRun run = CommandRun.withInput("", Map.of("GATEHOUSE_CONFIG", file.toString()), "config", "validate");

    assertThat(run.outLines()).containsExactly("Configuration parsed and loaded successfully without errors.");
    assertThat(run.exitCode()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"authelia-lldap.yml", "authelia-activedirectory.yml"})
  void autheliasLdapIntegrationExamplesPassAsPasted(String example) {
    CommandRun run = CommandRun.of("config", "validate", "-c", "src/test/resources/ldap/sections-besides-ldap.yml",
        "-c", "src/test/resources/ldap/" + example);

    assertThat(run.outLines()).containsExactly("Configuration parsed and loaded successfully without errors.");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void autheliasFullLdapExamplePassesWarningOnlyOfTheClientCertificate() {
    CommandRun run = CommandRun.of("config", "validate", "-c", "src/test/resources/ldap/sections-besides-ldap.yml",
        "-c", "src/test/resources/ldap/authelia-ldap-reference.yml");

    assertThat(run.outLines()).containsExactly("Configuration parsed and loaded with warnings:",
        "\t - authentication_backend.ldap.tls.certificate_chain: not supported by Gatehouse yet and is ignored",
        "\t - authentication_backend.ldap.tls.private_key: not supported by Gatehouse yet and is ignored");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aBrokenConfigurationListsEveryErrorOnItsOwnLine() {
    CommandRun run = CommandRun.of("config", "validate", "-c", "src/test/resources/config/broken/several-problems.yml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines().get(0)).isEqualTo("Configuration parsed and loaded with errors:");
    assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith("\t - server.address: "))
        .anySatisfy(line -> assertThat(line).startsWith("\t - regulation.max_retries: "))
        .anySatisfy(line -> assertThat(line).startsWith("\t - log.levle: "));
    assertThat(run.out()).doesNotContain("$plaintext$oops");
  }

  @Test
  void aMissingUsersFileIsAnErrorAndIsNotCreated() throws Exception {
    String example = Files.readString(Path.of("config/configuration.yml"));
    Path file = Files.writeString(directory.resolve("configuration.yml"),
        example.replace("path: 'config/users.yml'", "path: '" + directory.resolve("nobody.yml") + "'"));

    CommandRun run = CommandRun.of("config", "validate", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Configuration parsed and loaded with errors:", "nobody.yml: does not exist");
    assertThat(directory.resolve("nobody.yml")).doesNotExist();
  }

  @Test
  void aMissingConfigurationFileIsNamed() {
    CommandRun run = CommandRun.of("config", "validate", "--config", directory.resolve("nope.yml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("nope.yml");
  }
}
