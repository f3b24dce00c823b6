package dev.gatehouse.resilience;

import java.util.ArrayList;
import java.util.List;

/** How long one kind of request took, each time, for percentiles. Thread-safe. */
final class Latencies {

  private final List<Long> nanos = new ArrayList<>();

  synchronized void add(long startNanos) {
    nanos.add(System.nanoTime() - startNanos);
  }

  synchronized int count() {
    return nanos.size();
  }

  /** The {@code percent} percentile in milliseconds, nearest-rank. */
  synchronized double percentile(double percent) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  @Override
  public String toString() {
    return String.format("p50 %.1f ms, p99 %.1f ms", percentile(50), percentile(99));
  }
}
