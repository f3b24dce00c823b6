package dev.gatehouse.storage;

import dev.gatehouse.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets kept in the database, keyed by {@code storage.encryption_key}, or in Redis
 * sessions, keyed by {@code session.secret}, as Authelia does (the SHA-256 of the configured key).
 * The associated data names where a value lives, so a ciphertext copied into another row, column or
 * session attribute does not decrypt.
 */
public final class StorageEncryption {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final String keyName;
  private final SecureRandom random = new SecureRandom();

  public StorageEncryption(String encryptionKey) {
    this(encryptionKey, "storage.encryption_key");
  }

  /** {@code keyName}: the configuration key {@code encryptionKey} comes from, for the error. */
  public StorageEncryption(String encryptionKey, String keyName) {
    this.key = new SecretKeySpec(Sha256.of(encryptionKey), "AES");
    this.keyName = keyName;
  }

  public String encrypt(byte[] plaintext, String location) {
    return Base64.getEncoder().encodeToString(encryptToBytes(plaintext, location));
  }

  /** Throws {@link WrongEncryptionKeyException} when the key differs from the one that wrote it. */
  public byte[] decrypt(String ciphertext, String location) {
    return decrypt(Base64.getDecoder().decode(ciphertext), location);
  }

  public byte[] encryptToBytes(byte[] plaintext, String location) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, location, plaintext);
    byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return out;
  }

  /** Throws {@link WrongEncryptionKeyException} when the key differs or the bytes were altered. */
  public byte[] decrypt(byte[] in, String location) {
    if (in.length < NONCE_BYTES) {
      throw new WrongEncryptionKeyException(location, keyName);
    }
    byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
    return run(Cipher.DECRYPT_MODE, nonce, location, Arrays.copyOfRange(in, NONCE_BYTES, in.length));
  }

  private byte[] run(int mode, byte[] nonce, String location, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(location.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new WrongEncryptionKeyException(location, keyName);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The stored value was encrypted with another key (or altered since). */
  public static final class WrongEncryptionKeyException extends RuntimeException {
    WrongEncryptionKeyException(String location, String keyName) {
      super("cannot decrypt " + location + ": " + keyName + " differs from the key that encrypted it");
    }
  }
}
