package dev.gatehouse.crypto.keys;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/**
 * The JWA algorithm Authelia picks for a key when the configuration names none: RS256 for RSA;
 * ES256, ES384 or ES512 for EC keys on P-256, P-384 or P-521 (for signing), and RSA-OAEP-256 or
 * ECDH-ES+A256KW (for encryption).
 */
public final class KeyAlgorithms {

  public static final String USE_SIGNATURE = "sig";
  public static final String USE_ENCRYPTION = "enc";

  private KeyAlgorithms() {
  }

  /** The default algorithm for {@code key} and {@code use}, or null when there is none. */
  public static String defaultFor(Key key, String use) {
    if (USE_ENCRYPTION.equals(use)) {
      return key instanceof RSAKey ? "RSA-OAEP-256" : key instanceof ECKey ? "ECDH-ES+A256KW" : null;
    }
    if (key instanceof RSAKey) {
      return "RS256";
    }
    if (key instanceof ECKey ec) {
      return switch (ec.getParams().getCurve().getField().getFieldSize()) {
        case 256 -> "ES256";
        case 384 -> "ES384";
        case 521 -> "ES512";
        default -> null;
      };
    }
    return null;
  }
}
