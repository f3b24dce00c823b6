package dev.gatehouse.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords (RFC 4226 HOTP over the time step). */
public final class Totp {

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private Totp() {}

  /** The code for one time step, zero-padded to {@code parameters.digits()}. */
  public static String code(byte[] secret, long timeStep, TotpParameters parameters) {
    byte[] hash = hmac(parameters.algorithm(), secret, ByteBuffer.allocate(Long.BYTES).putLong(timeStep).array());
    // RFC 4226 section 5.3 dynamic truncation: the low nibble of the last byte picks 4 bytes, top bit dropped.
    int offset = hash[hash.length - 1] & 0x0f;
    int truncated = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
    String digits = Integer.toString(truncated % POWERS_OF_TEN[parameters.digits()]);
    return "0".repeat(parameters.digits() - digits.length()) + digits;
  }

  /**
   * The time step in {@code [step(now) - skew, step(now) + skew]} whose code is {@code code}, preferring the step
   * nearest to now. Every candidate is computed and compared in constant time, so the response time does not tell
   * which step (if any) matched.
   *
   * @return empty when nothing matches, or when the code is not exactly {@code digits} ASCII digits
   */
  public static OptionalLong matchingStep(
      byte[] secret, String code, Instant now, int skew, TotpParameters parameters) {
    if (skew < 0) {
      throw new IllegalArgumentException("TOTP skew must not be negative, not " + skew);
    }
    if (!isWellFormed(code, parameters.digits())) {
      return OptionalLong.empty();
    }
    byte[] submitted = code.getBytes(StandardCharsets.US_ASCII);
    OptionalLong match = OptionalLong.empty();
    for (long candidate : stepsNearestFirst(parameters.stepAt(now), skew)) {
      byte[] expected = code(secret, candidate, parameters).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, submitted) && match.isEmpty()) {
        match = OptionalLong.of(candidate);
      }
    }
    return match;
  }

  /** Character.isDigit would also accept non-ASCII digits, which no authenticator produces. */
  private static boolean isWellFormed(String code, int digits) {
    return code != null && code.length() == digits && code.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** now, now+1, now-1, now+2, now-2, … */
  private static long[] stepsNearestFirst(long now, int skew) {
    long[] steps = new long[2 * skew + 1];
    steps[0] = now;
    for (int distance = 1; distance <= skew; distance++) {
      steps[2 * distance - 1] = now + distance;
      steps[2 * distance] = now - distance;
    }
    return steps;
  }

  private static byte[] hmac(TotpAlgorithm algorithm, byte[] secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm.macName());
      mac.init(new SecretKeySpec(secret, algorithm.macName()));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always provides " + algorithm.macName(), e);
    }
  }
}
