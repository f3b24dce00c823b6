package dev.gatehouse.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/** A secret stored unhashed: {@code $plaintext$<secret>}, {@code $base64$<ab64 secret>} or a bare value. */
final class PlaintextDigest implements PasswordDigest {

  private final byte[] secret;
  private final boolean legacy;
  private final String encoded;

  private PlaintextDigest(byte[] secret, boolean legacy, String encoded) {
    this.secret = secret;
    this.legacy = legacy;
    this.encoded = encoded;
  }

  static PlaintextDigest parse(String encoded) {
    return new PlaintextDigest(SecretEncoding.utf8(valueOf(encoded, "plaintext")), false, encoded);
  }

  /** go-crypt decodes {@code $base64$} values with adapted base64, not standard base64. */
  static PlaintextDigest parseBase64(String encoded) {
    byte[] secret = DigestFields.bytes(valueOf(encoded, "base64"), Radix64.ADAPTED, "base64", "value");
    return new PlaintextDigest(secret, false, encoded);
  }

  static PlaintextDigest legacy(String secret) {
    return new PlaintextDigest(SecretEncoding.utf8(secret), true, secret);
  }

  /** The rest after {@code $<identifier>$}, which may itself contain '$'. */
  private static String valueOf(String encoded, String identifier) {
    String[] parts = encoded.split("\\$", 3);
    if (parts.length != 3 || parts[2].isEmpty()) {
      throw new MalformedDigestException(identifier + " digest must have a value after $" + identifier + "$");
    }
    return parts[2];
  }

  @Override
  public boolean matches(CharSequence candidate) {
    byte[] candidateBytes = SecretEncoding.utf8(candidate);
    try {
      return MessageDigest.isEqual(candidateBytes, secret);
    } finally {
      Arrays.fill(candidateBytes, (byte) 0);
    }
  }

  @Override
  public String encoded() {
    return encoded;
  }

  @Override
  public boolean isLegacyPlaintext() {
    return legacy;
  }

  @Override
  public Optional<byte[]> plaintextSecret() {
    return Optional.of(secret.clone());
  }
}
