package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage that cannot work stops Gatehouse with one line naming its key: a data directory that H2
 * cannot write, a disk that fills up, a PostgreSQL server that does not answer.
 */
class StorageStartupTest {

  @TempDir
  Path directory;

  @Test
  void readOnlyDataDirectoryIsOneConfigurationError() throws Exception {
    Path data = Files.createDirectories(directory.resolve("data"));
    makeReadOnly(data);
    try {
      assertThatThrownBy(() -> Gatehouse.start(configuration(local(data.resolve("db.sqlite3")))))
          .isInstanceOfSatisfying(Gatehouse.StartupProblems.class, problems -> assertThat(problems.problems())
              .containsExactly("storage.local.path: cannot write to the directory '" + data + "': "
                  + (isRoot() ? "Operation not permitted" : "permission denied")));
    } finally {
      makeWritable(data);
    }
  }

  @Test
  void fileInPlaceOfTheDataDirectoryIsOneConfigurationError() throws Exception {
    Path file = Files.writeString(directory.resolve("data"), "not a directory");
    assertThatThrownBy(() -> Gatehouse.start(configuration(local(file.resolve("db.sqlite3")))))
        .isInstanceOfSatisfying(Gatehouse.StartupProblems.class, problems -> assertThat(problems.problems())
            .singleElement().asString().startsWith("storage.local.path: cannot write to the directory '" + file + "'")
            .endsWith("is not a directory"));
  }

  /**
   * A disk that fills while H2 creates the database, made with a file size limit on the process:
   * its writes fail as on a full disk, with EFBIG in place of ENOSPC.
   */
  @Test
  void diskFullingUpAtStartIsOneConfigurationError() throws Exception {
    Path configuration = TestGatehouse.writeConfiguration(directory, TestGatehouse.freePort(),
        TestGatehouse.ONE_FACTOR_CLIENTS, TestGatehouse.storageLocal(directory),
        TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"", java, "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"), "dev.gatehouse.Gatehouse", "--config", configuration.toString())
        .directory(directory.toFile()).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
      List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
      assertThat(lines.get(lines.size() - 1)).as(output)
          .startsWith("Configuration: error: storage.local.path: cannot use the database '" + directory.resolve("db")
              + "': ").contains("File too large");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void postgresThatDoesNotAnswerIsOneConfigurationError() {
    int port = TestGatehouse.freePort();
    String storage = """
        storage:
          encryption_key: 'a_very_important_secret_for_tests'
          postgres:
            address: 'tcp://127.0.0.1:%d'
            database: 'gatehouse'
            username: 'gatehouse'
            password: 'nobody_listens'
        """.formatted(port);
    assertThatThrownBy(() -> Gatehouse.start(configuration(storage)))
        .isInstanceOfSatisfying(Gatehouse.StartupProblems.class, problems -> assertThat(problems.problems())
            .singleElement().asString()
            .startsWith("storage.postgres: cannot use the database 'gatehouse' at 127.0.0.1:" + port + ": ")
            .contains("refused"));
  }

  private static String local(Path database) {
    return """
        storage:
          encryption_key: 'a_very_important_secret_for_tests'
          local:
            path: '%s'
        """.formatted(database);
  }

  private Configuration configuration(String storage) {
    Path file = TestGatehouse.writeConfiguration(directory, TestGatehouse.freePort(), TestGatehouse.ONE_FACTOR_CLIENTS,
        storage, TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML);
    return ConfigurationLoader.load(List.of(file), Map.of()).configuration();
  }

  /** Root writes through permissions, so as root the directory is made immutable instead. */
  private static void makeReadOnly(Path directory) throws Exception {
    if (isRoot()) {
      Assumptions.assumeTrue(run("chattr", "+i", directory.toString()) == 0, "chattr +i is not supported here");
    } else {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
  }

  private static void makeWritable(Path directory) throws Exception {
    if (isRoot()) {
      run("chattr", "-i", directory.toString());
    } else {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
