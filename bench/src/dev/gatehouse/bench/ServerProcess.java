package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A server the benchmark started: how long it took from spawn to its first 200, its resident
 * memory (with its children, for nginx's workers), and a stop by its own process id.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  /** USER_HZ, the unit of /proc/[pid]/stat's times: 100 on every Linux that Java runs on. */
  private static final double CLOCK_TICKS_PER_SECOND = 100.0;

  private final String name;
  private final Process process;
  private final Duration startup;

  private ServerProcess(String name, Process process, Duration startup) {
    this.name = name;
    this.process = process;
    this.startup = startup;
  }

  /** Starts {@code command}, logging to {@code log}, and waits until {@code ready} answers 200. */
  static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path directory,
      Path log, URI ready, Duration timeout) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    long spawned = System.nanoTime();
    Process process = builder.start();
    long deadline = spawned + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      if (answers200(ready)) {
        return new ServerProcess(name, process, Duration.ofNanos(System.nanoTime() - spawned));
      }
      Thread.sleep(10);
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " did not answer " + ready + " within " + timeout + "; see " + log);
  }

  Duration startup() {
    return startup;
  }

  long pid() {
    return process.pid();
  }

  /** Resident set size of the process and its descendants, from /proc. */
  long rssKiB() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToLong(handle -> rssKiB(handle.pid())).sum();
  }

  /** CPU seconds (user and system) the process and its descendants have used so far, from /proc. */
  double cpuSeconds() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants())
        .mapToDouble(handle -> cpuSeconds(handle.pid())).sum();
  }

  /** Stops the server by its process id: SIGTERM, then SIGKILL if it has not ended after a grace period. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      System.err.println(name + " did not stop within " + STOP_GRACE + "; killing process " + process.pid());
      process.destroyForcibly();
      process.waitFor();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean answers200(URI uri) {
    try (HttpConnection connection = new HttpConnection(uri)) {
      return connection.get(uri).status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException e) {
      return 0;
    }
  }

  private static long rssKiB(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
      return lines.filter(line -> line.startsWith("VmRSS:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }
}
