package dev.gatehouse.bench;

/** Samples a server's resident memory every few milliseconds while a scenario runs, keeping the peak. */
final class MemorySampler implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 50;

  private final Thread thread;
  private volatile long peakKiB;
  private volatile boolean running = true;

  MemorySampler(ServerProcess server) {
    thread = new Thread(() -> {
      while (running) {
        peakKiB = Math.max(peakKiB, server.rssKiB());
        try {
          Thread.sleep(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "memory-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  long peakKiB() {
    return peakKiB;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }
}
