package dev.gatehouse.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits). */
final class Totp {

  static final long PERIOD_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {
  }

  static long stepAt(long epochSeconds) {
    return epochSeconds / PERIOD_SECONDS;
  }

  static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
          | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes the secret as shown to the user (RFC 4648 base32, spaces and padding ignored). */
  static byte[] decodeSecret(String shown) {
    String letters = shown.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    byte[] bytes = new byte[letters.length() * 5 / 8];
    long buffer = 0;
    int bits = 0;
    int next = 0;
    for (char letter : letters.toCharArray()) {
      int value = BASE32.indexOf(letter);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + letter);
      }
      buffer = buffer << 5 | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes[next++] = (byte) (buffer >> bits);
      }
    }
    return bytes;
  }
}
