package dev.gatehouse.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/** Creates new digests in the formats Authelia writes, with random salts. */
public final class PasswordDigestGenerator {

  /** go-crypt's minimum salt length for generated digests. */
  private static final int MIN_SALT_LENGTH = 8;

  /** PBKDF2 settings; {@link #AUTHELIA_DEFAULT} is {@code authelia crypto hash generate pbkdf2}'s default. */
  public record Pbkdf2Options(Pbkdf2Variant variant, int iterations, int saltLength) {

    public static final Pbkdf2Options AUTHELIA_DEFAULT = autheliaDefault(Pbkdf2Variant.SHA512);

    /** Authelia's default for {@code variant}: the iterations depend on the hash; the salt is 16 bytes. */
    public static Pbkdf2Options autheliaDefault(Pbkdf2Variant variant) {
      int iterations = switch (variant) {
        case SHA1 -> 1_600_000;
        case SHA224 -> 900_000;
        case SHA256 -> 700_000;
        case SHA384 -> 280_000;
        case SHA512 -> 310_000;
      };
      return new Pbkdf2Options(variant, iterations, 16);
    }

    public Pbkdf2Options {
      Objects.requireNonNull(variant, "variant");
      requireBetween("iterations", iterations, 1, Integer.MAX_VALUE);
      requireBetween("salt length", saltLength, MIN_SALT_LENGTH, Integer.MAX_VALUE);
    }
  }

  /** Argon2 settings; {@link #AUTHELIA_DEFAULT} is Authelia's default password hashing configuration. */
  public record Argon2Options(
      Argon2Variant variant, int iterations, int memoryKiB, int parallelism, int keyLength, int saltLength) {

    public static final Argon2Options AUTHELIA_DEFAULT = new Argon2Options(Argon2Variant.ARGON2ID, 3, 65536, 4, 32, 16);

    public Argon2Options {
      Objects.requireNonNull(variant, "variant");
      requireBetween("iterations", iterations, 1, Integer.MAX_VALUE);
      requireBetween("parallelism", parallelism, 1, Argon2Digest.MAX_PARALLELISM);
      requireBetween("memory (KiB)", memoryKiB, 1, Argon2Digest.MAX_MEMORY_KIB);
      Argon2Digest.checkMemoryPerLane(variant.identifier(), memoryKiB, parallelism);
      requireBetween("key length", keyLength, Argon2Digest.MIN_KEY_LENGTH, Integer.MAX_VALUE);
      requireBetween("salt length", saltLength, MIN_SALT_LENGTH, Integer.MAX_VALUE);
    }
  }

  private final SecureRandom random;

  public PasswordDigestGenerator() {
    this(new SecureRandom());
  }

  public PasswordDigestGenerator(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A {@code $pbkdf2-sha512$310000$…} digest with a 16-byte salt and a 64-byte key. */
  public PasswordDigest pbkdf2(CharSequence secret) {
    return pbkdf2(secret, Pbkdf2Options.AUTHELIA_DEFAULT);
  }

  /** A PBKDF2 digest whose key is as long as the variant's hash output, as passlib and go-crypt make them. */
  public PasswordDigest pbkdf2(CharSequence secret, Pbkdf2Options options) {
    return Pbkdf2Digest.create(options.variant(), options.iterations(), salt(options.saltLength()), secret);
  }

  /** A {@code $argon2id$v=19$m=65536,t=3,p=4$…} digest with a 16-byte salt and a 32-byte key. */
  public PasswordDigest argon2(CharSequence secret) {
    return argon2(secret, Argon2Options.AUTHELIA_DEFAULT);
  }

  public PasswordDigest argon2(CharSequence secret, Argon2Options options) {
    return Argon2Digest.create(options, salt(options.saltLength()), secret);
  }

  private byte[] salt(int length) {
    byte[] salt = new byte[length];
    random.nextBytes(salt);
    return salt;
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + DigestFields.range(min, max) + " but is " + value);
    }
  }
}
