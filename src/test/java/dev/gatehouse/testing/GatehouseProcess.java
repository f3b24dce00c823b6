package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Gatehouse in a JVM of its own, started from the test classpath as an admin starts the jar, so
 * that a test can SIGKILL or SIGTERM it and start it again on the same data. Its output goes to
 * {@code gatehouse.log} beside the configuration, across restarts.
 */
public final class GatehouseProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final String baseUrl;
  private final Path log;

  private GatehouseProcess(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /**
   * Starts Gatehouse on 127.0.0.1:{@code port} with {@code configuration} (and the files that
   * override it) and returns once it is ready to serve.
   */
  public static GatehouseProcess start(int port, Path configuration, Path... overrides) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.gatehouse.Gatehouse", "--config", configuration.toString()));
    for (Path override : overrides) {
      command.addAll(List.of("--config", override.toString()));
    }
    return start(port, command, configuration.getParent(), configuration.resolveSibling("gatehouse.log"), Map.of());
  }

  /**
   * Runs {@code command} in {@code directory} with only the given GATEHOUSE_ variables (the shell's
   * are dropped), logging to {@code log}, and returns once Gatehouse serves on {@code port}.
   */
  public static GatehouseProcess start(int port, List<String> command, Path directory, Path log,
      Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.startsWith("AUTHELIA_"));
    builder.environment().putAll(environment);
    try {
      GatehouseProcess gatehouse = new GatehouseProcess(builder.start(), "http://127.0.0.1:" + port, log);
      gatehouse.awaitReady();
      return gatehouse;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: the process ends at once, with no shutdown hook, as in a crash or an OOM kill. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM, as a container runtime stops it; the exit code, once it has exited within {@code timeout}. */
  public int terminate(Duration timeout) {
    process.destroy();
    return awaitExit(timeout);
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("Gatehouse (pid " + pid() + ") did not exit within " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/api/health/ready"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    try {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new AssertionError("Gatehouse exited with " + process.exitValue() + ":\n" + log());
        }
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notListeningYet) {
          // Still starting.
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    close();
    throw new AssertionError("Gatehouse was not ready within " + START_TIMEOUT + ":\n" + log());
  }
}
