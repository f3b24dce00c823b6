package dev.gatehouse.bench;

/**
 * What one scenario measured on one server: successful operations per second over the timed part,
 * latency percentiles of those operations, failures, the server's peak resident memory, and the
 * server's CPU time per operation (warm-up included), which other load on the machine disturbs less.
 */
record Result(long completed, long errors, double seconds, double p50Millis, double p99Millis,
    long peakRssKiB, double serverCpuMillisPerOperation, String firstError, boolean exhausted) {

  double perSecond() {
    return seconds <= 0 ? 0 : completed / seconds;
  }
}
