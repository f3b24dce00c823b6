package dev.gatehouse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs workers in a closed loop, each as fast as its server answers: a warm-up that is not counted
 * (the JIT compiles, pools fill), then a timed part over which operations completed are counted.
 */
final class Load {

  private final Duration warmup;
  private final Duration timed;

  Load(Duration warmup, Duration timed) {
    this.warmup = warmup;
    this.timed = timed;
  }

  /** Runs {@code workers}, sampling the resident memory of {@code server} meanwhile, and closes them. */
  Result run(List<? extends Worker> workers, ServerProcess server) throws InterruptedException {
    long start = System.nanoTime();
    long timedFrom = start + warmup.toNanos();
    long until = timedFrom + timed.toNanos();
    AtomicLong errors = new AtomicLong();
    AtomicLong operations = new AtomicLong();
    AtomicLong lastFinish = new AtomicLong(timedFrom);
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicReference<Boolean> exhausted = new AtomicReference<>(false);
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Worker worker : workers) {
      long[][] mine = {new long[1024]};
      int[] count = {0};
      Thread thread = new Thread(() -> {
        try (worker) {
          while (System.nanoTime() < until) {
            long began = System.nanoTime();
            try {
              worker.once();
            } catch (Exhausted e) {
              exhausted.set(true);
              return;
            } catch (Exception e) {
              if (System.nanoTime() >= timedFrom) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.toString());
              }
              continue;
            }
            long ended = System.nanoTime();
            operations.incrementAndGet();
            if (ended >= timedFrom) {
              if (count[0] == mine[0].length) {
                mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
              }
              mine[0][count[0]++] = ended - began;
              lastFinish.accumulateAndGet(ended, Math::max);
            }
          }
        } finally {
          synchronized (latencies) {
            latencies.add(Arrays.copyOf(mine[0], count[0]));
          }
        }
      });
      threads.add(thread);
    }
    try (MemorySampler memory = new MemorySampler(server)) {
      double cpuBefore = server.cpuSeconds();
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      double cpuMillisPerOperation = (server.cpuSeconds() - cpuBefore) * 1000 / Math.max(1, operations.get());
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      double seconds = (Math.max(lastFinish.get(), exhausted.get() ? timedFrom : until) - timedFrom) / 1e9;
      return new Result(all.length, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99),
          memory.peakKiB(), cpuMillisPerOperation, firstError.get(), exhausted.get());
    }
  }

  private static double percentile(long[] sorted, double fraction) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.round(fraction * (sorted.length - 1))] / 1e6;
  }
}
