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
 * AES-256-GCM for secrets kept in the database, keyed by {@code storage.encryption_key} as Authelia
 * does (the SHA-256 of the configured key). The associated data names where a value lives, so a
 * ciphertext copied into another row or column does not decrypt.
 */
public final class StorageEncryption {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public StorageEncryption(String encryptionKey) {
    this.key = new SecretKeySpec(Sha256.of(encryptionKey), "AES");
  }

  public String encrypt(byte[] plaintext, String location) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, location, plaintext);
    byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return Base64.getEncoder().encodeToString(out);
  }

  /** Throws {@link WrongEncryptionKeyException} when the key differs from the one that wrote it. */
  public byte[] decrypt(String ciphertext, String location) {
    byte[] in = Base64.getDecoder().decode(ciphertext);
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
      throw new WrongEncryptionKeyException(location);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }


  /** The stored value was encrypted with another storage.encryption_key. */
  public static final class WrongEncryptionKeyException extends RuntimeException {
    WrongEncryptionKeyException(String location) {
      super("cannot decrypt " + location + ": storage.encryption_key differs from the key that"
          + " encrypted it");
    }
  }
}
