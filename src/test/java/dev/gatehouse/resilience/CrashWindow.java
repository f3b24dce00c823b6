package dev.gatehouse.resilience;

/**
 * When a test took Gatehouse down on purpose. A login that was under way when it went down may
 * fail (its session and its in-flight request died with the process); such a failure is counted
 * apart from an error, which is a failure of a login that started and ended while all was well.
 */
final class CrashWindow {

  private long crashes;
  private boolean down;

  /** A mark to hand back to {@link #overlaps} when the login ends. */
  synchronized long mark() {
    return crashes;
  }

  synchronized void open() {
    down = true;
    crashes++;
  }

  synchronized void close() {
    down = false;
    notifyAll();
  }

  /** Whether Gatehouse is down now or went down since {@code mark}. */
  synchronized boolean overlaps(long mark) {
    return down || crashes != mark;
  }

  synchronized void awaitUp() throws InterruptedException {
    while (down) {
      wait();
    }
  }
}
