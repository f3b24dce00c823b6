package dev.gatehouse.ldap;

import java.nio.charset.StandardCharsets;

/**
 * Escapes a value put into a search filter byte for byte as go-ldap's {@code EscapeFilter} does, so that
 * filters read the same in our logs as in Authelia's: NUL, {@code \ * ( )} and every UTF-8 byte of 0x80
 * or more become {@code \xx} in lower-case hex. UnboundID's {@code Filter.encodeValue} also escapes the
 * other control characters; both mean the same value to a server, but only this one matches Authelia.
 */
final class FilterValues {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private FilterValues() {
  }

  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == 0 || c >= 0x80 || c == '\\' || c == '*' || c == '(' || c == ')') {
        escaped.append('\\').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        escaped.append((char) c);
      }
    }
    return escaped.toString();
  }
}
