package dev.gatehouse.bench;

import dev.gatehouse.crypto.PasswordDigests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What Gatehouse's token endpoint would pay per request without its verified-secret cache, as
 * Authelia pays it: {@code PasswordDigests.parse(digest).matches(secret)} in full, on every core
 * at once (as concurrent token requests would), after a warm-up. Run in its own JVM with
 * Gatehouse's classes; prints "completed seconds p50-millis p99-millis".
 */
public final class UncachedVerification {

  private static final int WARMUP_CHECKS = 2;

  private UncachedVerification() {
  }

  public static void main(String[] args) throws InterruptedException {
    String digest = args[0];
    String secret = args[1];
    long until = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
    int threads = Runtime.getRuntime().availableProcessors();
    List<long[]> latencies = new ArrayList<>();
    for (int i = 0; i < WARMUP_CHECKS; i++) {
      check(digest, secret);
    }
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(new Thread(() -> {
        long[] mine = new long[0];
        while (System.nanoTime() < until) {
          long began = System.nanoTime();
          check(digest, secret);
          mine = Arrays.copyOf(mine, mine.length + 1);
          mine[mine.length - 1] = System.nanoTime() - began;
        }
        synchronized (latencies) {
          latencies.add(mine);
        }
      }));
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(java.util.Locale.ROOT, "%d %.3f %.1f %.1f%n", all.length, seconds,
        all[all.length / 2] / 1e6, all[(int) Math.round(0.99 * (all.length - 1))] / 1e6);
  }

  private static void check(String digest, String secret) {
    if (!PasswordDigests.parse(digest).matches(secret)) {
      throw new IllegalStateException("the seed digest does not verify " + secret);
    }
  }
}
