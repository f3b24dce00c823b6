package dev.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.BCrypt;

/**
 * {@code $2b$<cost>$<22-char salt><31-char hash>} (also {@code $2a$} and {@code $2y$}, which bcrypt computes the same
 * way), and passlib's {@code $bcrypt-sha256$v=2,t=2b,r=<cost>$<salt>$<hash>}, which first replaces the secret by the
 * base64 of its HMAC-SHA256 keyed with the salt text so that secrets longer than 72 bytes are not cut short.
 */
final class BcryptDigest implements PasswordDigest {

  static final List<String> VERSIONS = List.of("2a", "2b", "2y");
  static final String SHA256_IDENTIFIER = "bcrypt-sha256";

  private static final int MIN_COST = 4;
  private static final int MAX_COST = 31;
  private static final int SALT_CHARS = 22;
  private static final int HASH_CHARS = 31;
  /** bcrypt only uses the first 72 bytes of the secret (including its NUL terminator, if that fits). */
  private static final int MAX_SECRET_BYTES = 72;

  private final int cost;
  private final byte[] salt;
  private final byte[] hash;
  /** The bcrypt-sha256 HMAC key, or null for plain bcrypt. */
  private final byte[] prehashKey;
  private final String encoded;

  private BcryptDigest(int cost, byte[] salt, byte[] hash, byte[] prehashKey, String encoded) {
    this.cost = cost;
    this.salt = salt;
    this.hash = hash;
    this.prehashKey = prehashKey;
    this.encoded = encoded;
  }

  static BcryptDigest parse(String encoded) {
    String[] parts = DigestFields.split(encoded, "bcrypt", 4);
    int cost = DigestFields.number(parts[2], "bcrypt", "cost", MIN_COST, MAX_COST);
    if (parts[3].length() != SALT_CHARS + HASH_CHARS) {
      throw new MalformedDigestException("bcrypt digest must end with a " + SALT_CHARS
          + "-character salt directly followed by a " + HASH_CHARS + "-character hash");
    }
    byte[] salt = decode(parts[3].substring(0, SALT_CHARS), SALT_CHARS, "bcrypt", "salt");
    byte[] hash = decode(parts[3].substring(SALT_CHARS), HASH_CHARS, "bcrypt", "hash");
    return new BcryptDigest(cost, salt, hash, null, encoded);
  }

  static BcryptDigest parseSha256(String encoded) {
    String[] parts = DigestFields.split(encoded, SHA256_IDENTIFIER, 5);
    DigestParameters parameters = DigestParameters.parse(parts[2], SHA256_IDENTIFIER, Set.of("v", "t", "r"));
    if (!"2".equals(parameters.required("v"))) {
      throw new MalformedDigestException(SHA256_IDENTIFIER + " parameter 'v' must be 2 (version 1 is not supported)");
    }
    if (!VERSIONS.contains(parameters.required("t"))) {
      throw new MalformedDigestException(
          SHA256_IDENTIFIER + " parameter 't' must be one of " + String.join(", ", VERSIONS));
    }
    int cost = parameters.requiredNumber("r", MIN_COST, MAX_COST);
    byte[] salt = decode(parts[3], SALT_CHARS, SHA256_IDENTIFIER, "salt");
    byte[] hash = decode(parts[4], HASH_CHARS, SHA256_IDENTIFIER, "hash");
    return new BcryptDigest(cost, salt, hash, parts[3].getBytes(StandardCharsets.US_ASCII), encoded);
  }

  private static byte[] decode(String text, int expectedChars, String algorithm, String name) {
    if (text.length() != expectedChars) {
      throw new MalformedDigestException(algorithm + " " + name + " must be " + expectedChars + " characters");
    }
    return DigestFields.bytes(text, Radix64.BCRYPT, algorithm, name);
  }

  @Override
  public boolean matches(CharSequence secret) {
    byte[] input = prehashKey == null ? truncatedUtf8(secret) : prehash(secret);
    try {
      byte[] derived = BCrypt.generate(input, salt, cost, true);
      // bcrypt's encoding keeps only 23 of the 24 derived bytes.
      return MessageDigest.isEqual(Arrays.copyOf(derived, hash.length), hash);
    } finally {
      Arrays.fill(input, (byte) 0);
    }
  }

  private static byte[] truncatedUtf8(CharSequence secret) {
    byte[] utf8 = SecretEncoding.utf8(secret);
    if (utf8.length <= MAX_SECRET_BYTES) {
      return utf8;
    }
    byte[] truncated = Arrays.copyOf(utf8, MAX_SECRET_BYTES);
    Arrays.fill(utf8, (byte) 0);
    return truncated;
  }

  private byte[] prehash(CharSequence secret) {
    byte[] utf8 = SecretEncoding.utf8(secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(prehashKey, "HmacSHA256"));
      return Base64.getEncoder().encode(mac.doFinal(utf8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  @Override
  public String encoded() {
    return encoded;
  }
}
