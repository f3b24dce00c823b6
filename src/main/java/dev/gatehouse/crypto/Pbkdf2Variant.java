package dev.gatehouse.crypto;

import java.util.Arrays;
import java.util.Optional;

/** The HMAC hash of a PBKDF2 digest, named by the digest's identifier. */
public enum Pbkdf2Variant {
  SHA1("pbkdf2", "PBKDF2WithHmacSHA1", 20),
  SHA224("pbkdf2-sha224", "PBKDF2WithHmacSHA224", 28),
  SHA256("pbkdf2-sha256", "PBKDF2WithHmacSHA256", 32),
  SHA384("pbkdf2-sha384", "PBKDF2WithHmacSHA384", 48),
  SHA512("pbkdf2-sha512", "PBKDF2WithHmacSHA512", 64);

  /** go-crypt also accepts this spelling of {@link #SHA1}. */
  private static final String SHA1_ALIAS = "pbkdf2-sha1";

  private final String identifier;
  private final String jceAlgorithm;
  private final int hashLength;

  Pbkdf2Variant(String identifier, String jceAlgorithm, int hashLength) {
    this.identifier = identifier;
    this.jceAlgorithm = jceAlgorithm;
    this.hashLength = hashLength;
  }

  /** The identifier written between the first two '$', e.g. {@code pbkdf2-sha512}. */
  public String identifier() {
    return identifier;
  }

  String jceAlgorithm() {
    return jceAlgorithm;
  }

  /** The HMAC output size, which is also the key length of generated digests. */
  int hashLength() {
    return hashLength;
  }

  static Optional<Pbkdf2Variant> forIdentifier(String identifier) {
    if (SHA1_ALIAS.equals(identifier)) {
      return Optional.of(SHA1);
    }
    return Arrays.stream(values()).filter(variant -> variant.identifier.equals(identifier)).findFirst();
  }
}
