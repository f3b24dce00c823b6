package dev.gatehouse.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** {@code $pbkdf2-<hash>$<iterations>$<ab64 salt>$<ab64 key>}; the key length is that of the stored key. */
final class Pbkdf2Digest implements PasswordDigest {

  private final Pbkdf2Variant variant;
  private final int iterations;
  private final byte[] salt;
  private final byte[] key;
  private final String encoded;

  private Pbkdf2Digest(Pbkdf2Variant variant, int iterations, byte[] salt, byte[] key, String encoded) {
    this.variant = variant;
    this.iterations = iterations;
    this.salt = salt;
    this.key = key;
    this.encoded = encoded;
  }

  static Pbkdf2Digest parse(Pbkdf2Variant variant, String encoded) {
    String algorithm = variant.identifier();
    String[] parts = DigestFields.split(encoded, algorithm, 5);
    int iterations = DigestFields.number(parts[2], algorithm, "iterations", 1, Integer.MAX_VALUE);
    byte[] salt = DigestFields.bytes(parts[3], Radix64.ADAPTED, algorithm, "salt");
    byte[] key = DigestFields.bytes(parts[4], Radix64.ADAPTED, algorithm, "hash");
    return new Pbkdf2Digest(variant, iterations, salt, key, encoded);
  }

  static Pbkdf2Digest create(Pbkdf2Variant variant, int iterations, byte[] salt, CharSequence secret) {
    byte[] key = derive(variant, iterations, salt, variant.hashLength(), secret);
    String encoded = "$" + variant.identifier() + "$" + iterations + "$" + AdaptedBase64.encode(salt) + "$"
        + AdaptedBase64.encode(key);
    return new Pbkdf2Digest(variant, iterations, salt, key, encoded);
  }

  @Override
  public boolean matches(CharSequence secret) {
    return MessageDigest.isEqual(derive(variant, iterations, salt, key.length, secret), key);
  }

  @Override
  public String encoded() {
    return encoded;
  }

  /**
   * RFC 8018's PBKDF2 over the secret's UTF-8 bytes, as passlib and go-crypt encode the secret
   * string. Bouncy Castle's Java code rather than the JCA's: a native provider's HMAC, called once
   * per iteration across JNI, made it slower, where Bouncy Castle is as fast as SunJCE on either.
   */
  private static byte[] derive(Pbkdf2Variant variant, int iterations, byte[] salt, int keyLength, CharSequence secret) {
    byte[] password = SecretEncoding.utf8(secret);
    try {
      PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(variant.newHash());
      generator.init(password, salt, iterations);
      return ((KeyParameter) generator.generateDerivedParameters(keyLength * Byte.SIZE)).getKey();
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }
}
