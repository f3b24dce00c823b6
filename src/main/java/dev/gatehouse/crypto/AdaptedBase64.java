package dev.gatehouse.crypto;

/**
 * Passlib's "adapted base64" (ab64) used by {@code $pbkdf2…$} digests: standard base64 with {@code .} instead of
 * {@code +} and no padding.
 */
public final class AdaptedBase64 {

  private AdaptedBase64() {}

  public static String encode(byte[] bytes) {
    return Radix64.ADAPTED.encode(bytes);
  }

  /** @throws IllegalArgumentException if the text has padding, a character outside the alphabet or a bad length */
  public static byte[] decode(String text) {
    return Radix64.ADAPTED.decode(text);
  }
}
