package dev.gatehouse.totp;

import java.security.SecureRandom;
import java.util.Locale;
import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base32;

/** Shared secrets: generation, and the unpadded Base32 text of otpauth URIs and manual entry. */
public final class TotpSecrets {

  /** Authelia's floor for {@code totp.secret_size}; RFC 4226 section 4 recommends 160 bits. */
  public static final int MINIMUM_SIZE_BYTES = 20;

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Strict, so that a length or last character no encoder produces (a typo) fails instead of decoding to a guess. */
  private static final Base32 BASE32 = new Base32(0, null, false, (byte) '=', CodecPolicy.STRICT);

  private TotpSecrets() {}

  public static byte[] generate(int sizeBytes) {
    if (sizeBytes < MINIMUM_SIZE_BYTES) {
      throw new IllegalArgumentException(
          "TOTP secrets must be at least " + MINIMUM_SIZE_BYTES + " bytes, not " + sizeBytes);
    }
    byte[] secret = new byte[sizeBytes];
    RANDOM.nextBytes(secret);
    return secret;
  }

  /** Upper-case Base32 without {@code =} padding, as Authelia and the Key URI format write it. */
  public static String encode(byte[] secret) {
    String padded = BASE32.encodeToString(secret);
    int end = padded.indexOf('=');
    return end < 0 ? padded : padded.substring(0, end);
  }

  /**
   * Accepts what people type or paste: lower case, spaces between groups, optional padding.
   *
   * @throws IllegalArgumentException for any other character, an impossible length or last character, or no text
   */
  public static byte[] decode(String text) {
    String normalized = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT).replaceFirst("=+$", "");
    // commons-codec silently skips characters outside the alphabet; a typo must fail instead of shortening the key.
    if (normalized.isEmpty() || !normalized.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
      throw new IllegalArgumentException("not a Base32 TOTP secret");
    }
    return BASE32.decode(normalized);
  }
}
