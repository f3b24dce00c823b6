package dev.gatehouse.totp;

import java.util.Locale;

/** The HMAC behind a TOTP code. The constant names are the spellings of the otpauth URI and of Authelia's storage. */
public enum TotpAlgorithm {
  SHA1("HmacSHA1"),
  SHA256("HmacSHA256"),
  SHA512("HmacSHA512");

  private final String macName;

  TotpAlgorithm(String macName) {
    this.macName = macName;
  }

  /** The JCA name for {@link javax.crypto.Mac#getInstance(String)}. */
  public String macName() {
    return macName;
  }

  /**
   * Reads both the configuration spelling ({@code sha1}) and the stored one ({@code SHA1}).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static TotpAlgorithm parse(String name) {
    for (TotpAlgorithm algorithm : values()) {
      if (algorithm.name().equalsIgnoreCase(name)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "unknown TOTP algorithm '" + name + "': expected one of sha1, sha256, sha512");
  }

  /** The configuration spelling. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
