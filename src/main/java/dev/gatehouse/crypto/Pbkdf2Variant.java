package dev.gatehouse.crypto;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** The HMAC hash of a PBKDF2 digest, named by the digest's identifier. */
public enum Pbkdf2Variant {
  SHA1("pbkdf2", SHA1Digest::new, 20),
  SHA224("pbkdf2-sha224", SHA224Digest::new, 28),
  SHA256("pbkdf2-sha256", SHA256Digest::new, 32),
  SHA384("pbkdf2-sha384", SHA384Digest::new, 48),
  SHA512("pbkdf2-sha512", SHA512Digest::new, 64);

  /** go-crypt also accepts this spelling of {@link #SHA1}. */
  private static final String SHA1_ALIAS = "pbkdf2-sha1";

  private final String identifier;
  private final Supplier<Digest> hash;
  private final int hashLength;

  Pbkdf2Variant(String identifier, Supplier<Digest> hash, int hashLength) {
    this.identifier = identifier;
    this.hash = hash;
    this.hashLength = hashLength;
  }

  /** The identifier written between the first two '$', e.g. {@code pbkdf2-sha512}. */
  public String identifier() {
    return identifier;
  }

  /** A new instance of the HMAC's hash function. */
  Digest newHash() {
    return hash.get();
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
