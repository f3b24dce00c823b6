package dev.gatehouse.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command, as written there, after the build it begins with ('package' ran
 * before this test): Gatehouse serves discovery, and the JVM maps the class data sharing archive
 * the build recorded instead of warning that it cannot (then it would start, only slower).
 * Storage and notifications go to a temporary directory so that the project's data/ is untouched.
 */
class ReadmeStartCommandIT {

  @TempDir
  Path data;

  @Test
  void startsFromTheBuildsClassDataArchive() throws Exception {
    List<String> command = javaPartOfReadmeStartCommand();
    assertThat(command).contains("-XX:SharedArchiveFile=target/app/gatehouse.jsa");
    int port = TestGatehouse.freePort();
    Path output = data.resolve("output.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.startsWith("AUTHELIA_"));
    builder.environment().put("GATEHOUSE_SERVER_ADDRESS", "tcp://127.0.0.1:" + port + "/");
    builder.environment().put("GATEHOUSE_STORAGE_LOCAL_PATH", data.resolve("gatehouse").toString());
    builder.environment().put("GATEHOUSE_NOTIFIER_FILESYSTEM_FILENAME", data.resolve("notification.txt").toString());
    Process process = builder.start();
    try {
      assertThat(awaitDiscovery(port, process, output)).isEqualTo(200);
      assertThat(Files.readString(output)).doesNotContain("[cds").doesNotContain("shared archive");
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  /** The command after {@code &&} in the README's first code block under "The two commands". */
  private static List<String> javaPartOfReadmeStartCommand() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## The two commands"));
    String block = section.substring(section.indexOf("```sh\n") + "```sh\n".length());
    String line = block.substring(0, block.indexOf('\n'));
    return Arrays.asList(line.substring(line.indexOf("&&") + 2).trim().split(" +"));
  }

  private static int awaitDiscovery(int port, Process process, Path output) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI discovery = URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Gatehouse exited: " + Files.readString(output));
      }
      try {
        return http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (IOException notYetListening) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("Gatehouse did not answer within 90 s: " + Files.readString(output));
  }
}
