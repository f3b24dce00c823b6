package dev.gatehouse.crypto;

/**
 * Reads the '$'-separated fields of an encoded digest. Every failure is a {@link MalformedDigestException} that names
 * the algorithm and the field but never quotes the field's content.
 */
final class DigestFields {

  private static final int MAX_DIGITS = 10;

  private DigestFields() {}

  /** Splits on '$'; the leading empty field before the first '$' counts as a part. */
  static String[] split(String encoded, String algorithm, int expectedParts) {
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != expectedParts) {
      throw new MalformedDigestException(
          algorithm + " digest must have " + expectedParts + " '$'-separated parts but has " + parts.length);
    }
    return parts;
  }

  static int number(String text, String algorithm, String name, int min, int max) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new MalformedDigestException(algorithm + " " + name + " must be a whole number");
    }
    long value = text.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(text);
    if (value < min || value > max) {
      throw new MalformedDigestException(algorithm + " " + name + " must be " + range(min, max));
    }
    return (int) value;
  }

  static String range(long min, long max) {
    return max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
  }

  /** Decodes a salt or hash field, which must not be empty. */
  static byte[] bytes(String text, Radix64 encoding, String algorithm, String name) {
    if (text.isEmpty()) {
      throw new MalformedDigestException(algorithm + " " + name + " is empty");
    }
    try {
      return encoding.decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedDigestException(algorithm + " " + name + " is not valid " + encoding.displayName());
    }
  }
}
