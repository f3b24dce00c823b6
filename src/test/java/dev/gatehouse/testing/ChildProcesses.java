package dev.gatehouse.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the servers a test started as child processes, by their own handle (never by name). */
public final class ChildProcesses {

  private ChildProcesses() {
  }

  /** TERM, so that the server shuts down cleanly, then KILL if it is still there after {@code grace}. */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
