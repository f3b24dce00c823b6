package dev.gatehouse.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gatehouse as a process, the way an admin starts it: flags, environment, exit codes. */
class StartupTest {

  @TempDir
  Path directory;

  @Test
  void unknownFlagIsOneLineAndANonZeroExit() throws Exception {
    Result result = run(List.of("--confgi", "x.yml"), Map.of());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderrLines()).hasSize(1);
    assertThat(result.stderr()).contains("--confgi");
  }

  @Test
  void missingConfigurationFileIsNamed() throws Exception {
    Result result = run(List.of("--config", directory.resolve("nope.yml").toString()), Map.of());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("nope.yml").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void brokenConfigurationListsEveryProblemWithItsKeyPath() throws Exception {
    Path file = Files.writeString(directory.resolve("configuration.yml"), """
        server:
          address: 'tcp://:99999/'
        regulation:
          max_retries: 'lots'
        """);
    Result result = run(List.of("--config", file.toString()), Map.of());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("server.address").contains("regulation.max_retries")
        .doesNotContain("Exception");
  }

  @Test
  void exampleConfigurationStartsAndServesDiscovery() throws Exception {
    int port = freePort();
    Path workingDirectory = exampleWorkingDirectory();
    Process process = startExample(port, workingDirectory);
    try {
      HttpResponse<String> discovery = awaitDiscovery(port, process);
      assertThat(discovery.statusCode()).isEqualTo(200);
      assertThat(discovery.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
      assertThat(discovery.body()).contains("\"issuer\":\"http://127.0.0.1:" + port + "\"");
    } finally {
      stop(process);
    }
  }

  /** The embedded database is one process's: a second Gatehouse on the same file says so in one line. */
  @Test
  void aSecondProcessOnTheSameEmbeddedDatabaseStopsWithOneLine() throws Exception {
    Path workingDirectory = exampleWorkingDirectory();
    int port = freePort();
    Process first = startExample(port, workingDirectory);
    try {
      awaitDiscovery(port, first);
      Process second = startExample(freePort(), workingDirectory);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(second.getInputStream().readAllBytes());

      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(output.lines().filter(line -> line.startsWith("Configuration: error: ")))
          .singleElement().asString()
          .startsWith("Configuration: error: storage.local.path: the database '/")
          .endsWith("/work/data/gatehouse' is in use by another Gatehouse process; the embedded database serves one"
              + " instance only: stop the other, or run several instances on storage.postgres");
      assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(awaitDiscovery(port, first).statusCode()).as("the first one is unharmed").isEqualTo(200);
    } finally {
      stop(first);
    }
  }

  private Path exampleWorkingDirectory() throws IOException {
    Path workingDirectory = Files.createDirectories(directory.resolve("work"));
    Files.createDirectories(workingDirectory.resolve("config"));
    Files.copy(Path.of("config/users.yml"), workingDirectory.resolve("config/users.yml"));
    return workingDirectory;
  }

  private static Process startExample(int port, Path workingDirectory) throws IOException {
    return start(List.of("--config", Path.of("config/configuration.yml").toAbsolutePath().toString()),
        Map.of("GATEHOUSE_SERVER_ADDRESS", "tcp://127.0.0.1:" + port + "/"), workingDirectory);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    process.waitFor(30, TimeUnit.SECONDS);
    process.destroyForcibly();
  }

  private static HttpResponse<String> awaitDiscovery(int port, Process process) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI discovery = URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Gatehouse exited: " + new String(process.getInputStream().readAllBytes()));
      }
      try {
        return http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYetListening) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("Gatehouse did not answer within 90 s");
  }

  private Result run(List<String> arguments, Map<String, String> environment) throws Exception {
    Process process = start(arguments, environment, directory);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Gatehouse did not exit");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
  }

  private static Process start(List<String> arguments, Map<String, String> environment, Path workingDirectory)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.gatehouse.Gatehouse"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.startsWith("AUTHELIA_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  record Result(int exitCode, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().filter(line -> !line.isBlank()).toList();
    }
  }
}
