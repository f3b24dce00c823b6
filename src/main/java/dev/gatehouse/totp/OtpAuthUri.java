package dev.gatehouse.totp;

import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/} URI of Google Authenticator's Key URI format, which every authenticator app reads from
 * the enrolment QR code.
 */
public final class OtpAuthUri {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** Legal in a path segment (RFC 3986 pchar) and kept literal by the format's examples; ':' is the separator. */
  private static final String LABEL_LITERALS = "@";
  private static final String QUERY_LITERALS = "";

  private OtpAuthUri() {}

  /**
   * {@code otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30}.
   *
   * <p>Issuer and account are percent-encoded as UTF-8 (RFC 3986), a space as {@code %20} rather than {@code +}, which
   * some apps show literally. A colon inside either is encoded too, so the literal colon stays the only separator; the
   * {@code issuer} parameter is repeated because apps trust it over the label. {@code @} stays literal in the label, as
   * in the format's own {@code john.doe@email.com} example and in Authelia's URIs.
   */
  public static String build(String issuer, String accountName, byte[] secret, TotpParameters parameters) {
    requireText(issuer, "issuer");
    requireText(accountName, "account name");
    return "otpauth://totp/" + percentEncode(issuer, LABEL_LITERALS) + ':' + percentEncode(accountName, LABEL_LITERALS)
        + "?secret=" + TotpSecrets.encode(secret)
        + "&issuer=" + percentEncode(issuer, QUERY_LITERALS)
        + "&algorithm=" + parameters.algorithm().name()
        + "&digits=" + parameters.digits()
        + "&period=" + parameters.period();
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an otpauth URI needs a non-empty " + what);
    }
  }

  /** UTF-8 bytes as %XX, except RFC 3986 unreserved characters and {@code literals}. */
  private static String percentEncode(String value, String literals) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      if (isUnreserved(b) || literals.indexOf(b) >= 0) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0x0f]).append(HEX[b & 0x0f]);
      }
    }
    return encoded.toString();
  }

  /** RFC 3986 section 2.3. */
  private static boolean isUnreserved(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
        || b == '-' || b == '.' || b == '_' || b == '~';
  }
}
