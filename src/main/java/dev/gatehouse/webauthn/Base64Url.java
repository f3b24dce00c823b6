package dev.gatehouse.webauthn;

import java.util.Base64;

/** WebAuthn's JSON encoding of bytes: base64url without padding. */
final class Base64Url {

  private Base64Url() {
  }

  static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Throws IllegalArgumentException on anything that is not base64url. */
  static byte[] decode(String text) {
    return Base64.getUrlDecoder().decode(text);
  }
}
