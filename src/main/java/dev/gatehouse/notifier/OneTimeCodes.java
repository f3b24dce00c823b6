package dev.gatehouse.notifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;

/**
 * The one-time codes that confirm a user's identity by e-mail before a security change (Authelia's elevated session).
 */
public final class OneTimeCodes {

  /** Authelia's unambiguous set: upper-case letters and digits without the look-alikes I/1, O/0 and S/5. */
  public static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWYXZ2346789";
  public static final int LENGTH = 8;
  /** How long a code may be used after it was sent. */
  public static final Duration CODE_LIFESPAN = Duration.ofMinutes(5);
  /** How long a confirmed identity allows security changes. */
  public static final Duration ELEVATION_LIFESPAN = Duration.ofMinutes(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimeCodes() {
  }

  public static String generate() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** What the user typed, as a code: without spaces or dashes, upper case. Null becomes empty. */
  public static String normalise(String typed) {
    if (typed == null) {
      return "";
    }
    return typed.strip().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** Whether the typed code is the issued one, compared in constant time so timing does not reveal a prefix. */
  public static boolean matches(String issued, String typed) {
    if (issued == null || issued.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        issued.getBytes(StandardCharsets.UTF_8), normalise(typed).getBytes(StandardCharsets.UTF_8));
  }
}
