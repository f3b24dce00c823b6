package dev.gatehouse.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.GatehouseProcess;
import dev.gatehouse.testing.TestGatehouse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command, as written there, after the build it begins with ('package' ran
 * before this test): Gatehouse serves discovery, and the JVM maps the class data sharing archive
 * the build recorded (-Xshare:on makes a JVM that cannot map it refuse to start, where the README's
 * command would start slower). Storage and notifications go to a temporary directory so that the
 * project's data/ is untouched.
 */
class ReadmeStartCommandIT {

  @TempDir
  Path data;

  @Test
  void startsFromTheBuildsClassDataArchive() throws Exception {
    List<String> command = new ArrayList<>(javaPartOfReadmeStartCommand());
    assertThat(command).contains("-XX:SharedArchiveFile=target/app/gatehouse.jsa");
    command.add(1, "-Xshare:on");
    int port = TestGatehouse.freePort();
    try (GatehouseProcess gatehouse = GatehouseProcess.start(port, command, Path.of("."), data.resolve("output.txt"),
        Map.of("GATEHOUSE_SERVER_ADDRESS", "tcp://127.0.0.1:" + port + "/",
            "GATEHOUSE_STORAGE_LOCAL_PATH", data.resolve("gatehouse").toString(),
            "GATEHOUSE_NOTIFIER_FILESYSTEM_FILENAME", data.resolve("notification.txt").toString()))) {
      HttpResponse<Void> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(gatehouse.baseUrl() + "/.well-known/openid-configuration")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(discovery.statusCode()).isEqualTo(200);
      assertThat(gatehouse.log()).doesNotContain("[cds").doesNotContain("shared archive");
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
}
