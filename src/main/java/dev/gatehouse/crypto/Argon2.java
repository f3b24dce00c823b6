package dev.gatehouse.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2 version 0x13 (RFC 9106), written here rather than taken from Bouncy Castle for memory's
 * sake: Bouncy Castle's generator allocates its memory (64 MiB with Authelia's defaults) anew for
 * every check, as 65,536 small objects that the collector copies while the check runs. Here one
 * flat array is borrowed from {@link Argon2Memory} and handed back, and the lanes of a slice are
 * filled by several threads at once, so that one check uses every processor and a login needs
 * one check's memory rather than one per processor. Blake2b comes from Bouncy Castle.
 */
final class Argon2 {

  static final int VERSION = 0x13;
  private static final int SYNC_POINTS = 4;
  private static final int BLOCK_LONGS = 128;
  private static final int BLOCK_BYTES = BLOCK_LONGS * Long.BYTES;
  private static final int ADDRESSES_PER_BLOCK = BLOCK_LONGS;
  private static final int PREHASH_BYTES = 64;
  private static final long[] ZERO_BLOCK = new long[BLOCK_LONGS];
  private static final ExecutorService LANE_WORKERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "argon2-lanes");
    thread.setDaemon(true);
    return thread;
  });

  private final Argon2Variant variant;
  private final int memoryKiB;
  private final int passes;
  private final int lanes;
  private final int segmentLength;
  private final int laneLength;
  private final int threads;

  Argon2(Argon2Variant variant, int memoryKiB, int passes, int lanes) {
    this.variant = variant;
    this.memoryKiB = memoryKiB;
    this.passes = passes;
    this.lanes = lanes;
    int blocks = Math.max(memoryKiB, 2 * SYNC_POINTS * lanes);
    this.segmentLength = blocks / (lanes * SYNC_POINTS);
    this.laneLength = segmentLength * SYNC_POINTS;
    this.threads = Math.min(lanes, Runtime.getRuntime().availableProcessors());
  }

  /** The number of 1 KiB blocks the computation fills. */
  long blocks() {
    return (long) laneLength * lanes;
  }

  byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int tagLength) {
    long[] memory = Argon2Memory.borrow(blocks() * BLOCK_LONGS);
    try {
      byte[] prehash = prehash(password, salt, secret, associatedData, tagLength);
      firstBlocks(memory, prehash);
      for (int pass = 0; pass < passes; pass++) {
        for (int slice = 0; slice < SYNC_POINTS; slice++) {
          fillSlice(memory, pass, slice);
        }
      }
      return tag(memory, tagLength);
    } finally {
      Argon2Memory.giveBack(memory);
    }
  }

  private byte[] prehash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int tagLength) {
    Blake2bDigest blake = new Blake2bDigest(PREHASH_BYTES * 8);
    for (int value : new int[] {lanes, tagLength, memoryKiB, passes, VERSION, variant.typeNumber()}) {
      blake.update(le32(value), 0, 4);
    }
    for (byte[] input : new byte[][] {password, salt, secret, associatedData}) {
      blake.update(le32(input.length), 0, 4);
      blake.update(input, 0, input.length);
    }
    byte[] prehash = new byte[PREHASH_BYTES];
    blake.doFinal(prehash, 0);
    return prehash;
  }

  private void firstBlocks(long[] memory, byte[] prehash) {
    byte[] input = new byte[PREHASH_BYTES + 8];
    System.arraycopy(prehash, 0, input, 0, PREHASH_BYTES);
    for (int lane = 0; lane < lanes; lane++) {
      System.arraycopy(le32(lane), 0, input, PREHASH_BYTES + 4, 4);
      for (int column = 0; column < 2; column++) {
        System.arraycopy(le32(column), 0, input, PREHASH_BYTES, 4);
        ByteBuffer block = ByteBuffer.wrap(variableLengthHash(input, BLOCK_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        int offset = blockOffset(lane, column);
        for (int i = 0; i < BLOCK_LONGS; i++) {
          memory[offset + i] = block.getLong();
        }
      }
    }
  }

  private void fillSlice(long[] memory, int pass, int slice) {
    if (threads == 1) {
      for (int lane = 0; lane < lanes; lane++) {
        new Segment(memory, pass, slice, lane).fill();
      }
      return;
    }
    List<Future<?>> others = new ArrayList<>();
    for (int worker = 1; worker < threads; worker++) {
      int first = worker;
      others.add(LANE_WORKERS.submit(() -> fillLanes(memory, pass, slice, first)));
    }
    try {
      fillLanes(memory, pass, slice, 0);
    } finally {
      awaitAll(others);
    }
  }

  /**
   * Waits for every other lane of the slice, even after a failure: the memory goes to the next
   * check once this one ends, and no worker may still be writing to it then.
   */
  private static void awaitAll(List<Future<?>> lanes) {
    RuntimeException failure = null;
    boolean interrupted = false;
    for (Future<?> lane : lanes) {
      while (true) {
        try {
          lane.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          failure = failure != null ? failure : new IllegalStateException("argon2 lane failed", e.getCause());
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Lanes {@code first}, {@code first + threads}, ... of one slice. */
  private void fillLanes(long[] memory, int pass, int slice, int first) {
    for (int lane = first; lane < lanes; lane += threads) {
      new Segment(memory, pass, slice, lane).fill();
    }
  }

  private byte[] tag(long[] memory, int tagLength) {
    long[] last = new long[BLOCK_LONGS];
    for (int lane = 0; lane < lanes; lane++) {
      int offset = blockOffset(lane, laneLength - 1);
      for (int i = 0; i < BLOCK_LONGS; i++) {
        last[i] ^= memory[offset + i];
      }
    }
    ByteBuffer bytes = ByteBuffer.allocate(BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (long word : last) {
      bytes.putLong(word);
    }
    return variableLengthHash(bytes.array(), tagLength);
  }

  private int blockOffset(int lane, int column) {
    return (lane * laneLength + column) * BLOCK_LONGS;
  }

  /** One segment: a lane's quarter within a pass, filled block by block. */
  private final class Segment {

    private final long[] memory;
    private final int pass;
    private final int slice;
    private final int lane;
    private final long[] scratch = new long[BLOCK_LONGS];
    private final long[] saved = new long[BLOCK_LONGS];
    private final long[] addresses;
    private final long[] addressInput;

    Segment(long[] memory, int pass, int slice, int lane) {
      this.memory = memory;
      this.pass = pass;
      this.slice = slice;
      this.lane = lane;
      boolean independent = variant == Argon2Variant.ARGON2I
          || variant == Argon2Variant.ARGON2ID && pass == 0 && slice < SYNC_POINTS / 2;
      this.addresses = independent ? new long[BLOCK_LONGS] : null;
      this.addressInput = independent ? new long[BLOCK_LONGS] : null;
      if (independent) {
        addressInput[0] = pass;
        addressInput[1] = lane;
        addressInput[2] = slice;
        addressInput[3] = blocks();
        addressInput[4] = passes;
        addressInput[5] = variant.typeNumber();
      }
    }

    void fill() {
      int start = pass == 0 && slice == 0 ? 2 : 0;
      if (addresses != null && start == 2) {
        nextAddresses();
      }
      for (int index = start; index < segmentLength; index++) {
        int column = slice * segmentLength + index;
        int previous = column == 0 ? laneLength - 1 : column - 1;
        long pseudoRandom;
        if (addresses != null) {
          if (index % ADDRESSES_PER_BLOCK == 0) {
            nextAddresses();
          }
          pseudoRandom = addresses[index % ADDRESSES_PER_BLOCK];
        } else {
          pseudoRandom = memory[blockOffset(lane, previous)];
        }
        int referenceLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
        int referenceColumn = referenceColumn(index, pseudoRandom & 0xFFFFFFFFL, referenceLane == lane);
        fillBlock(memory, blockOffset(lane, previous), memory, blockOffset(referenceLane, referenceColumn),
            memory, blockOffset(lane, column), pass > 0);
      }
    }

    /** RFC 9106 section 3.4.1.2: which earlier block the new one mixes in. */
    private int referenceColumn(int index, long j1, boolean sameLane) {
      long areaSize;
      if (pass == 0) {
        if (slice == 0) {
          areaSize = index - 1;
        } else if (sameLane) {
          areaSize = (long) slice * segmentLength + index - 1;
        } else {
          areaSize = (long) slice * segmentLength + (index == 0 ? -1 : 0);
        }
      } else if (sameLane) {
        areaSize = laneLength - segmentLength + index - 1;
      } else {
        areaSize = laneLength - segmentLength + (index == 0 ? -1 : 0);
      }
      long relative = (j1 * j1) >>> 32;
      relative = areaSize - 1 - ((areaSize * relative) >>> 32);
      long start = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
      return (int) ((start + relative) % laneLength);
    }

    private void nextAddresses() {
      addressInput[6]++;
      fillBlock(ZERO_BLOCK, 0, addressInput, 0, addresses, 0, false);
      fillBlock(ZERO_BLOCK, 0, addresses, 0, addresses, 0, false);
    }

    /**
     * next = G(previous, reference), or next XOR G(previous, reference) in passes after the first
     * (version 0x13); G is Blake2b's round with multiplications over the 8x8 matrix of 16-byte words.
     */
    private void fillBlock(long[] previousArray, int previous, long[] referenceArray, int reference,
        long[] nextArray, int next, boolean xorWithOld) {
      long[] r = scratch;
      for (int i = 0; i < BLOCK_LONGS; i++) {
        r[i] = previousArray[previous + i] ^ referenceArray[reference + i];
      }
      long[] keep = saved;
      for (int i = 0; i < BLOCK_LONGS; i++) {
        keep[i] = xorWithOld ? r[i] ^ nextArray[next + i] : r[i];
      }
      for (int i = 0; i < 8; i++) {
        int b = 16 * i;
        round(r, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12, b + 13,
            b + 14, b + 15);
      }
      for (int i = 0; i < 8; i++) {
        int b = 2 * i;
        round(r, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81, b + 96,
            b + 97, b + 112, b + 113);
      }
      for (int i = 0; i < BLOCK_LONGS; i++) {
        nextArray[next + i] = keep[i] ^ r[i];
      }
    }
  }

  private static void round(long[] v, int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7, int i8,
      int i9, int i10, int i11, int i12, int i13, int i14, int i15) {
    mix(v, i0, i4, i8, i12);
    mix(v, i1, i5, i9, i13);
    mix(v, i2, i6, i10, i14);
    mix(v, i3, i7, i11, i15);
    mix(v, i0, i5, i10, i15);
    mix(v, i1, i6, i11, i12);
    mix(v, i2, i7, i8, i13);
    mix(v, i3, i4, i9, i14);
  }

  /** Blake2b's G with the products of the low halves that Argon2 adds (RFC 9106 section 3.6). */
  private static void mix(long[] v, int a, int b, int c, int d) {
    long va = v[a];
    long vb = v[b];
    long vc = v[c];
    long vd = v[d];
    va = va + vb + 2 * (va & 0xFFFFFFFFL) * (vb & 0xFFFFFFFFL);
    vd = Long.rotateRight(vd ^ va, 32);
    vc = vc + vd + 2 * (vc & 0xFFFFFFFFL) * (vd & 0xFFFFFFFFL);
    vb = Long.rotateRight(vb ^ vc, 24);
    va = va + vb + 2 * (va & 0xFFFFFFFFL) * (vb & 0xFFFFFFFFL);
    vd = Long.rotateRight(vd ^ va, 16);
    vc = vc + vd + 2 * (vc & 0xFFFFFFFFL) * (vd & 0xFFFFFFFFL);
    vb = Long.rotateRight(vb ^ vc, 63);
    v[a] = va;
    v[b] = vb;
    v[c] = vc;
    v[d] = vd;
  }

  /** H' of RFC 9106 section 3.3: Blake2b stretched to {@code length} bytes. */
  static byte[] variableLengthHash(byte[] input, int length) {
    byte[] out = new byte[length];
    if (length <= 64) {
      Blake2bDigest blake = new Blake2bDigest(length * 8);
      blake.update(le32(length), 0, 4);
      blake.update(input, 0, input.length);
      blake.doFinal(out, 0);
      return out;
    }
    byte[] v = new byte[64];
    Blake2bDigest blake = new Blake2bDigest(512);
    blake.update(le32(length), 0, 4);
    blake.update(input, 0, input.length);
    blake.doFinal(v, 0);
    int written = 0;
    while (length - written > 64) {
      System.arraycopy(v, 0, out, written, 32);
      written += 32;
      if (length - written > 64) {
        blake = new Blake2bDigest(512);
        blake.update(v, 0, 64);
        blake.doFinal(v, 0);
      }
    }
    Blake2bDigest last = new Blake2bDigest((length - written) * 8);
    last.update(v, 0, 64);
    byte[] tail = new byte[length - written];
    last.doFinal(tail, 0);
    System.arraycopy(tail, 0, out, written, tail.length);
    return out;
  }

  private static byte[] le32(int value) {
    return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
  }
}
