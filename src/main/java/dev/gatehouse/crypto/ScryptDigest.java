package dev.gatehouse.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.generators.SCrypt;

/** {@code $scrypt$ln=<log2 N>,r=<block size>,p=<parallelism>$<base64 salt>$<base64 key>} (base64 without padding). */
final class ScryptDigest implements PasswordDigest {

  private static final String ALGORITHM = "scrypt";
  /** Refused at parse time so that a typo in the configuration cannot exhaust the heap at the first login. */
  private static final long MAX_MEMORY_BYTES = 4L * 1024 * 1024 * 1024;
  private static final int BLOCK_BYTES_PER_R = 128;

  // go-crypt fills in these values when a digest leaves the parameter out.
  private static final int DEFAULT_LOG2_N = 16;
  private static final int DEFAULT_R = 8;
  private static final int DEFAULT_P = 1;

  private final int n;
  private final int r;
  private final int p;
  private final byte[] salt;
  private final byte[] key;
  private final String encoded;

  private ScryptDigest(int n, int r, int p, byte[] salt, byte[] key, String encoded) {
    this.n = n;
    this.r = r;
    this.p = p;
    this.salt = salt;
    this.key = key;
    this.encoded = encoded;
  }

  static ScryptDigest parse(String encoded) {
    String[] parts = DigestFields.split(encoded, ALGORITHM, 5);
    DigestParameters parameters = DigestParameters.parse(parts[2], ALGORITHM, Set.of("ln", "r", "p"));
    // Bouncy Castle needs p * 128 * r * 8 to fit in an int.
    int maxRTimesP = Integer.MAX_VALUE / (BLOCK_BYTES_PER_R * Byte.SIZE);
    int r = parameters.number("r", DEFAULT_R, 1, maxRTimesP);
    int p = parameters.number("p", DEFAULT_P, 1, maxRTimesP / r);
    // The scrypt specification requires N < 2^(128 * r / 8).
    long maxLog2N = Math.min(log2(MAX_MEMORY_BYTES / ((long) BLOCK_BYTES_PER_R * r)), 16L * r - 1);
    int log2N = parameters.number("ln", DEFAULT_LOG2_N, 1, (int) maxLog2N);
    byte[] salt = DigestFields.bytes(parts[3], Radix64.STANDARD, ALGORITHM, "salt");
    byte[] key = DigestFields.bytes(parts[4], Radix64.STANDARD, ALGORITHM, "hash");
    return new ScryptDigest(1 << log2N, r, p, salt, key, encoded);
  }

  private static int log2(long value) {
    return 63 - Long.numberOfLeadingZeros(value);
  }

  @Override
  public boolean matches(CharSequence secret) {
    byte[] secretBytes = SecretEncoding.utf8(secret);
    try {
      return MessageDigest.isEqual(SCrypt.generate(secretBytes, salt, n, r, p, key.length), key);
    } finally {
      Arrays.fill(secretBytes, (byte) 0);
    }
  }

  @Override
  public long workingMemoryBytes() {
    return (long) BLOCK_BYTES_PER_R * r * (n + p);
  }

  @Override
  public String encoded() {
    return encoded;
  }
}
