package dev.gatehouse.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The memory of Argon2 computations, kept between them: a check borrows an array at least as
 * large as it needs and gives it back wiped. Arrays come back to at most {@link #KEPT} slots, so
 * memory held between logins is bounded by what that many concurrent checks used at once.
 */
final class Argon2Memory {

  private static final int KEPT = 2;
  private static final List<long[]> FREE = new ArrayList<>();

  private Argon2Memory() {
  }

  static long[] borrow(long longs) {
    if (longs > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("argon2 memory of " + longs * Long.BYTES + " bytes is too large");
    }
    synchronized (FREE) {
      for (int i = 0; i < FREE.size(); i++) {
        if (FREE.get(i).length >= longs) {
          return FREE.remove(i);
        }
      }
    }
    return new long[(int) longs];
  }

  static void giveBack(long[] memory) {
    Arrays.fill(memory, 0);
    synchronized (FREE) {
      if (FREE.size() < KEPT) {
        FREE.add(memory);
      } else {
        int smallest = 0;
        for (int i = 1; i < FREE.size(); i++) {
          if (FREE.get(i).length < FREE.get(smallest).length) {
            smallest = i;
          }
        }
        if (FREE.get(smallest).length < memory.length) {
          FREE.set(smallest, memory);
        }
      }
    }
  }
}
