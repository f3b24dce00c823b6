package dev.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * SHA-crypt, {@code $5$} (SHA-256) and {@code $6$} (SHA-512): {@code $6$[rounds=<n>$]<salt>$<hash>}, rounds 5000 when
 * omitted. Verification recomputes the crypt string from the digest's own salt and rounds and compares the hash.
 */
final class ShaCryptDigest implements PasswordDigest {

  /** {@code $5$} or {@code $6$}. */
  enum Variant {
    SHA256("sha256crypt", 43, Sha2Crypt::sha256Crypt),
    SHA512("sha512crypt", 86, Sha2Crypt::sha512Crypt);

    private final String displayName;
    private final int hashChars;
    private final BiFunction<byte[], String, String> crypt;

    Variant(String displayName, int hashChars, BiFunction<byte[], String, String> crypt) {
      this.displayName = displayName;
      this.hashChars = hashChars;
      this.crypt = crypt;
    }
  }

  private static final String CRYPT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String CRYPT_ALPHABET_NAME = "[./0-9A-Za-z]";
  private static final String ROUNDS_PREFIX = "rounds=";
  // The SHA-crypt specification's bounds; implementations clamp values outside them, so such a digest never matches.
  private static final int MIN_ROUNDS = 1000;
  private static final int MAX_ROUNDS = 999_999_999;
  private static final int MAX_SALT_CHARS = 16;

  private final Variant variant;
  /** Everything before the hash, e.g. {@code $6$rounds=1000$salt}, which is what the crypt function takes as salt. */
  private final String setting;
  private final byte[] hash;
  private final String encoded;

  private ShaCryptDigest(Variant variant, String setting, byte[] hash, String encoded) {
    this.variant = variant;
    this.setting = setting;
    this.hash = hash;
    this.encoded = encoded;
  }

  static ShaCryptDigest parse(Variant variant, String encoded) {
    String algorithm = variant.displayName;
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 && parts.length != 5) {
      throw new MalformedDigestException(algorithm + " digest must have 4 '$'-separated parts, or 5 with rounds=<n>, "
          + "but has " + parts.length);
    }
    if (parts.length == 5) {
      if (!parts[2].startsWith(ROUNDS_PREFIX)) {
        throw new MalformedDigestException(algorithm + " digest's third part must be rounds=<n>");
      }
      DigestFields.number(parts[2].substring(ROUNDS_PREFIX.length()), algorithm, "rounds", MIN_ROUNDS, MAX_ROUNDS);
    }
    String salt = parts[parts.length - 2];
    String hash = parts[parts.length - 1];
    if (salt.isEmpty() || salt.length() > MAX_SALT_CHARS || !inCryptAlphabet(salt)) {
      throw new MalformedDigestException(algorithm + " salt must be 1 to " + MAX_SALT_CHARS
          + " characters from " + CRYPT_ALPHABET_NAME);
    }
    if (hash.length() != variant.hashChars || !inCryptAlphabet(hash)) {
      throw new MalformedDigestException(algorithm + " hash must be " + variant.hashChars
          + " characters from " + CRYPT_ALPHABET_NAME);
    }
    String setting = encoded.substring(0, encoded.length() - hash.length() - 1);
    return new ShaCryptDigest(variant, setting, hash.getBytes(StandardCharsets.US_ASCII), encoded);
  }

  private static boolean inCryptAlphabet(String text) {
    return text.chars().allMatch(c -> CRYPT_ALPHABET.indexOf(c) >= 0);
  }

  @Override
  public boolean matches(CharSequence secret) {
    byte[] secretBytes = SecretEncoding.utf8(secret);
    try {
      String crypted = variant.crypt.apply(secretBytes, setting);
      byte[] derived = crypted.substring(crypted.lastIndexOf('$') + 1).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(derived, hash);
    } finally {
      Arrays.fill(secretBytes, (byte) 0);
    }
  }

  @Override
  public String encoded() {
    return encoded;
  }
}
