package dev.gatehouse.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

/** {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<base64 salt>$<base64 key>} (base64 without padding). */
final class Argon2Digest implements PasswordDigest {

  private static final String VERSION_FIELD = "v=19";
  private static final byte[] NOTHING = new byte[0];
  /** Refused at parse time so that a typo in the configuration cannot exhaust the heap at the first login. */
  static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
  static final int MAX_PARALLELISM = 0xFFFFFF;
  private static final int MIN_MEMORY_KIB_PER_LANE = 8;
  static final int MIN_KEY_LENGTH = 4;

  // go-crypt fills in these values when a digest leaves the parameter out.
  private static final int DEFAULT_MEMORY_KIB = 32 * 1024;
  private static final int DEFAULT_ITERATIONS = 1;
  private static final int DEFAULT_PARALLELISM = 4;

  private final Argon2Variant variant;
  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;
  private final byte[] salt;
  private final byte[] key;
  private final String encoded;

  private Argon2Digest(
      Argon2Variant variant, int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] key, String encoded) {
    this.variant = variant;
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.salt = salt;
    this.key = key;
    this.encoded = encoded;
  }

  static Argon2Digest parse(Argon2Variant variant, String encoded) {
    String algorithm = variant.identifier();
    String[] parts = DigestFields.split(encoded, algorithm, 6);
    if (!VERSION_FIELD.equals(parts[2])) {
      throw new MalformedDigestException(algorithm + " version field must be " + VERSION_FIELD);
    }
    DigestParameters parameters = DigestParameters.parse(parts[3], algorithm, Set.of("m", "t", "p"));
    int parallelism = parameters.number("p", DEFAULT_PARALLELISM, 1, MAX_PARALLELISM);
    int memoryKiB = parameters.number("m", DEFAULT_MEMORY_KIB, 1, MAX_MEMORY_KIB);
    checkMemoryPerLane(algorithm, memoryKiB, parallelism);
    int iterations = parameters.number("t", DEFAULT_ITERATIONS, 1, Integer.MAX_VALUE);
    byte[] salt = DigestFields.bytes(parts[4], Radix64.STANDARD, algorithm, "salt");
    byte[] key = DigestFields.bytes(parts[5], Radix64.STANDARD, algorithm, "hash");
    if (key.length < MIN_KEY_LENGTH) {
      throw new MalformedDigestException(algorithm + " hash must be at least " + MIN_KEY_LENGTH + " bytes");
    }
    return new Argon2Digest(variant, memoryKiB, iterations, parallelism, salt, key, encoded);
  }

  static void checkMemoryPerLane(String algorithm, int memoryKiB, int parallelism) {
    if (memoryKiB < (long) MIN_MEMORY_KIB_PER_LANE * parallelism) {
      throw new MalformedDigestException(algorithm + " memory (m) must be at least " + MIN_MEMORY_KIB_PER_LANE
          + " KiB per lane, i.e. at least " + (long) MIN_MEMORY_KIB_PER_LANE * parallelism + " for p=" + parallelism);
    }
  }

  static Argon2Digest create(PasswordDigestGenerator.Argon2Options options, byte[] salt, CharSequence secret) {
    Argon2Variant variant = options.variant();
    byte[] key = derive(variant, options.memoryKiB(), options.iterations(), options.parallelism(), salt,
        options.keyLength(), secret);
    String encoded = "$" + variant.identifier() + "$" + VERSION_FIELD + "$m=" + options.memoryKiB()
        + ",t=" + options.iterations() + ",p=" + options.parallelism()
        + "$" + Radix64.STANDARD.encode(salt) + "$" + Radix64.STANDARD.encode(key);
    return new Argon2Digest(
        variant, options.memoryKiB(), options.iterations(), options.parallelism(), salt, key, encoded);
  }

  @Override
  public boolean matches(CharSequence secret) {
    return MessageDigest.isEqual(derive(variant, memoryKiB, iterations, parallelism, salt, key.length, secret), key);
  }

  @Override
  public String encoded() {
    return encoded;
  }

  private static byte[] derive(
      Argon2Variant variant, int memoryKiB, int iterations, int parallelism, byte[] salt, int keyLength,
      CharSequence secret) {
    byte[] secretBytes = SecretEncoding.utf8(secret);
    try {
      return new Argon2(variant, memoryKiB, iterations, parallelism).hash(secretBytes, salt, NOTHING, NOTHING,
          keyLength);
    } finally {
      Arrays.fill(secretBytes, (byte) 0);
    }
  }
}
