package dev.gatehouse.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Prints a generated secret as Authelia does: {@code Random Password: …}, then, when it differs, the
 * URL-encoded form, which is what goes into a URL or into form-encoded client credentials
 * (RFC 6749 section 2.3.1).
 */
final class RandomValueLines {

  private static final String UNRESERVED = RandomCharset.RFC3986.characters();

  private RandomValueLines() {
  }

  /** {@code label} is {@code Password} or {@code Value}, as in Authelia's output. */
  static void print(PrintWriter out, String label, String value) {
    out.println("Random " + label + ": " + value);
    String encoded = urlEncoded(value);
    if (!encoded.equals(value)) {
      out.println("Random " + label + " (URL Encoded): " + encoded);
    }
  }

  /** Every UTF-8 byte outside RFC 3986's unreserved characters as {@code %XX}. */
  static String urlEncoded(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return encoded.toString();
  }
}
