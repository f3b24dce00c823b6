package dev.gatehouse.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container without a Docker engine: target/gatehouse.jar started with exactly the image's
 * entrypoint, environment and working directory, as a user other than root, with the example
 * configuration in the /config volume (see {@link ImageRoot}). Runs after 'package' (failsafe).
 */
class DockerImageIT {

  private static final Path JAR = Path.of("target", "gatehouse.jar");
  private static final Duration START_PERIOD = Duration.ofSeconds(120);

  @TempDir
  Path directory;

  @Test
  void theExampleConfigurationStartsAsTheImageUserAndTheHealthCheckPassesAlsoThroughNginx() throws Exception {
    ImageRoot image = imageWithExampleConfiguration();
    int port = freePort();
    // The one difference from a container: a free port on 127.0.0.1 stands in for the published 9091.
    // -Xshare:on: java refuses to start rather than run without the archive the image recorded.
    Process gatehouse = image.entrypoint(List.of(), Map.of("GATEHOUSE_SERVER_ADDRESS", "tcp://127.0.0.1:" + port + "/",
            "JAVA_OPTS", "-XX:+ExitOnOutOfMemoryError -Xshare:on"))
        .redirectErrorStream(true).redirectOutput(directory.resolve("gatehouse.log").toFile()).start();
    try {
      awaitHealthy(image, port, gatehouse);

      Path database = image.path("/data/gatehouse.mv.db");
      assertThat(database).as("storage.local.path 'data/gatehouse', relative to WORKDIR").exists();
      assertThat(Files.getOwner(database).getName()).isNotEqualTo("root");
      assertThat(Files.readString(directory.resolve("gatehouse.log"))).doesNotContain("Configuration: error")
          .doesNotContain("Unable to use shared archive");

      issuerThroughShippedNginx(port);
    } finally {
      stop(gatehouse);
    }
  }

  @Test
  void adminCommandsRunThroughTheSameEntrypoint() throws Exception {
    ImageRoot image = imageWithExampleConfiguration();

    Process rand = image.entrypoint(List.of("crypto", "rand", "--length", "64", "--charset", "rfc3986"), Map.of())
        .redirectErrorStream(true).start();
    String randOutput = output(rand);
    Process validate = image.entrypoint(List.of("config", "validate"), Map.of()).redirectErrorStream(true).start();
    String validateOutput = output(validate);

    assertThat(rand.exitValue()).as(randOutput).isZero();
    assertThat(randOutput).matches("Random Value: [A-Za-z0-9._~-]{64}\\n");
    assertThat(validate.exitValue()).as(validateOutput).isZero();
    assertThat(validateOutput).startsWith("Configuration parsed and loaded with warnings:")
        .doesNotContain("loaded with errors");
  }

  /** The README's set-up: configuration.yml and users.yml copied into the config volume. */
  private ImageRoot imageWithExampleConfiguration() throws Exception {
    assertThat(JAR).as("the packaged jar; failsafe runs after 'package'").exists();
    ImageRoot image = ImageRoot.create(directory.resolve("image-root"), JAR);
    for (String file : new String[] {"configuration.yml", "users.yml"}) {
      Path copy = Files.copy(Path.of("config", file), image.path("/config/" + file));
      copy.toFile().setReadable(true, false);
    }
    return image;
  }

  private static void awaitHealthy(ImageRoot image, int port, Process gatehouse) throws Exception {
    Instant deadline = Instant.now().plus(START_PERIOD);
    while (Instant.now().isBefore(deadline)) {
      assertThat(gatehouse.isAlive()).as("Gatehouse exited before it was healthy").isTrue();
      Process check = image.healthcheck(port).redirectErrorStream(true).start();
      output(check);
      if (check.exitValue() == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the health check did not pass within the start period");
  }

  /**
   * Discovery fetched the way a browser reaches it, https://auth.example.com (the example's
   * authelia_url) through nginx, the port 443 standing in for the free port nginx listens on; the
   * same host on another port is not the configured address and is refused.
   */
  private void issuerThroughShippedNginx(int gatehousePort) throws Exception {
    Path curl = Tools.require("apt-get install curl", "/usr/bin/curl");
    int httpsPort = freePort();
    ShippedNginx nginx = ShippedNginx.prepare(Files.createDirectories(directory.resolve("nginx")), httpsPort,
        freePort(), gatehousePort, freePort());
    Process process = nginx.start();
    try {
      String origin = "https://auth.example.com";
      Tools.Result discovery = null;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
      while (Instant.now().isBefore(deadline) && (discovery == null || discovery.exitCode() != 0)) {
        assertThat(process.isAlive()).as(nginx.log()).isTrue();
        discovery = Tools.run(List.of(curl.toString(), "-fsS", "--cacert", nginx.certificate().toString(),
            "--connect-to", "auth.example.com:443:127.0.0.1:" + httpsPort, origin + "/.well-known/openid-configuration"));
      }
      assertThat(discovery.exitCode()).as(discovery.output() + nginx.log()).isZero();
      assertThat(discovery.output()).contains("\"issuer\":\"" + origin + "\"");

      Tools.Result otherPort = Tools.run(List.of(curl.toString(), "-sS", "-o", "/dev/null", "-w", "%{http_code}",
          "--cacert", nginx.certificate().toString(), "--resolve", "auth.example.com:" + httpsPort + ":127.0.0.1",
          "https://auth.example.com:" + httpsPort + "/.well-known/openid-configuration"));
      assertThat(otherPort.output()).as("an address that is not the configured authelia_url").isEqualTo("400");
    } finally {
      stop(process);
    }
  }

  private static String output(Process process) throws Exception {
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return text;
  }

  /** Stops what this test started, by process id: the user switch's children first. */
  private static void stop(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
