package dev.gatehouse.testing;

import java.nio.ByteBuffer;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * What a phone's authenticator app does with the secret a user typed in: HMAC-SHA1 over the
 * 30-second counter, 6 digits. Written here independently of Gatehouse's own TOTP code.
 */
public final class AuthenticatorApp {

  private final byte[] secret;

  public AuthenticatorApp(String base32Secret) {
    this.secret = new Base32().decode(base32Secret.replace(" ", "").toUpperCase());
  }

  /** The code shown now, or {@code stepsAhead} periods later. */
  public String code(int stepsAhead) {
    return codeOfStep(currentStep() + stepsAhead);
  }

  /** The number of the 30-second period the app is in now. */
  public static long currentStep() {
    return Instant.now().getEpochSecond() / 30;
  }

  /** The code the app shows during period {@code counter}. */
  public String codeOfStep(long counter) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
