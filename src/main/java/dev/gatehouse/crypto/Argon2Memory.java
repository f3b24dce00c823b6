package dev.gatehouse.crypto;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory of Argon2 computations: one array, lent to one computation at a time (which fills
 * its lanes on every processor, so waiting costs no throughput). A burst of logins therefore needs
 * one check's memory, not one per request, and allocates it once: the array passes from one check
 * to the next, whose first pass overwrites every block before reading it. Two seconds after the
 * last check it is wiped and let go, so that the heap can shrink between bursts. (Wiping after
 * every check cost 10-20 ms of the turn per login.)
 */
final class Argon2Memory {

  private static final long KEEP_MILLIS = 2000;
  private static final Semaphore TURN = new Semaphore(1, true);
  private static final ScheduledExecutorService RELEASE = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "argon2-memory-release");
    thread.setDaemon(true);
    return thread;
  });
  /** Read and written only by the holder of {@link #TURN}: the array kept for the next check. */
  private static long[] kept;
  /** Also guarded by {@link #TURN}: counts hand-backs, so that a release sees a later check. */
  private static long returns;

  private Argon2Memory() {
  }

  /** Waits for the turn and returns an array of at least {@code longs}; hand it back with {@link #giveBack}. */
  static long[] borrow(long longs) {
    if (longs > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("argon2 memory of " + longs * Long.BYTES + " bytes is too large");
    }
    TURN.acquireUninterruptibly();
    try {
      long[] memory = kept != null && kept.length >= longs ? kept : new long[(int) longs];
      kept = null;
      return memory;
    } catch (RuntimeException | Error e) {
      TURN.release();
      throw e;
    }
  }

  static void giveBack(long[] memory) {
    kept = memory;
    long returned = ++returns;
    TURN.release();
    RELEASE.schedule(() -> releaseIfUnused(returned), KEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Whether an array is kept for the next check; waits for a running check to hand its array back. */
  static boolean keepsMemory() {
    TURN.acquireUninterruptibly();
    try {
      return kept != null;
    } finally {
      TURN.release();
    }
  }

  private static void releaseIfUnused(long returned) {
    if (TURN.tryAcquire()) {
      if (returns == returned && kept != null) {
        Arrays.fill(kept, 0);
        kept = null;
      }
      TURN.release();
    }
  }
}
