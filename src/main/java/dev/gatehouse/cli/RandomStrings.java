package dev.gatehouse.cli;

import java.security.SecureRandom;

/** Random strings from a strong source, each character drawn uniformly from the alphabet. */
final class RandomStrings {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomStrings() {
  }

  /**
   * {@code length} characters of {@code characters} when given, otherwise of {@code charset}, as
   * Authelia's {@code --characters} overrides its {@code --charset}.
   *
   * @throws IllegalArgumentException when the length is below 1 or the characters are empty
   */
  static String generate(int length, RandomCharset charset, String characters) {
    if (length < 1) {
      throw new IllegalArgumentException("the length must be at least 1 but is " + length);
    }
    String alphabet = characters != null ? characters : charset.characters();
    int[] codePoints = alphabet.codePoints().toArray();
    if (codePoints.length == 0) {
      throw new IllegalArgumentException("the characters to choose from must not be empty");
    }
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.appendCodePoint(codePoints[RANDOM.nextInt(codePoints.length)]);
    }
    return value.toString();
  }
}
