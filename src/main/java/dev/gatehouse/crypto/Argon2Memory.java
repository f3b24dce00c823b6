package dev.gatehouse.crypto;

import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * The memory of Argon2 computations: one array, kept between them and lent to one computation at a
 * time (which fills its lanes on every processor, so waiting costs no throughput). A burst of logins
 * therefore needs one check's memory, not one per request, and the array is allocated once rather
 * than at every login. It is wiped when handed back; a larger computation replaces it.
 */
final class Argon2Memory {

  private static final Semaphore TURN = new Semaphore(1, true);
  /** Read and written only by the holder of {@link #TURN}. */
  private static long[] kept;

  private Argon2Memory() {
  }

  /** Waits for the turn and returns an array of at least {@code longs}; hand it back with {@link #giveBack}. */
  static long[] borrow(long longs) {
    if (longs > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("argon2 memory of " + longs * Long.BYTES + " bytes is too large");
    }
    TURN.acquireUninterruptibly();
    try {
      if (kept != null && kept.length >= longs) {
        long[] memory = kept;
        kept = null;
        return memory;
      }
      kept = null;
      return new long[(int) longs];
    } catch (RuntimeException | Error e) {
      TURN.release();
      throw e;
    }
  }

  static void giveBack(long[] memory) {
    Arrays.fill(memory, 0);
    kept = memory;
    TURN.release();
  }
}
