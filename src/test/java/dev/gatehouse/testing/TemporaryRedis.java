package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Redis server from the machine's own installation (Debian's redis-server package) on
 * 127.0.0.1 and a free port, keeping nothing on disk: a restart loses every session, as a Redis
 * without persistence does. Where Redis is missing the test is skipped with a clear message, except
 * under CI, where that is a failure: CI must run it.
 */
public final class TemporaryRedis implements AutoCloseable {

  public static final String SERVER = "/usr/bin/redis-server";
  public static final String SECRET = "a_session_secret_for_the_tests";

  private final Path directory;
  private final int port;
  private final List<String> extraArguments;
  private Process process;

  private TemporaryRedis(Path directory, int port, List<String> extraArguments) {
    this.directory = directory;
    this.port = port;
    this.extraArguments = extraArguments;
  }

  public static TemporaryRedis start(String... extraArguments) {
    requireInstalled();
    try {
      TemporaryRedis redis = new TemporaryRedis(Files.createTempDirectory("gatehouse-redis"),
          TestGatehouse.freePort(), List.of(extraArguments));
      redis.resume();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the test (fails it under CI) when Debian's redis-server is not installed. */
  public static void requireInstalled() {
    if (!Files.isExecutable(Path.of(SERVER))) {
      String message = "Redis is not installed (no " + SERVER + "); install Debian's redis-server package"
          + " to run the tests of sessions shared in Redis";
      RequiredSoftware.skipOrFail(message);
    }
  }

  public int port() {
    return port;
  }

  /** The {@code session} keys that put Gatehouse's sessions in this server. */
  public String sessionYaml() {
    return """
        session:
          secret: '%s'
          redis:
            host: '127.0.0.1'
            port: %d
        """.formatted(SECRET, port);
  }

  /** Starts the server, again after {@link #stop()}, on the same port; returns once it accepts connections. */
  public void resume() {
    List<String> command = new ArrayList<>(List.of(SERVER, "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--protected-mode", "no"));
    command.addAll(extraArguments);
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(directory.resolve("redis.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitPort(port, process);
  }

  /** Kills the server at once, as a crash or an OOM kill would. */
  public void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  static void awaitPort(int port, Process process) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis exited with status " + process.exitValue());
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("redis did not listen on " + port);
  }

  @Override
  public void close() {
    stop();
    TemporaryFiles.deleteTree(directory);
  }
}
