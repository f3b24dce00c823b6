package dev.gatehouse.crypto;

import java.util.Base64;

/** The 64-character alphabets used by crypt digests, always without padding. */
enum Radix64 {
  STANDARD("base64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
  ADAPTED("adapted base64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./"),
  BCRYPT("bcrypt base64", "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

  private static final String JDK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final String displayName;
  private final String alphabet;

  Radix64(String displayName, String alphabet) {
    this.displayName = displayName;
    this.alphabet = alphabet;
  }

  String displayName() {
    return displayName;
  }

  /** Decodes unpadded text; throws {@link IllegalArgumentException} on any character outside the alphabet. */
  byte[] decode(String text) {
    return Base64.getDecoder().decode(translate(text, alphabet, JDK_ALPHABET));
  }

  String encode(byte[] bytes) {
    return translate(Base64.getEncoder().withoutPadding().encodeToString(bytes), JDK_ALPHABET, alphabet);
  }

  private static String translate(String text, String from, String to) {
    char[] translated = new char[text.length()];
    for (int i = 0; i < translated.length; i++) {
      int index = from.indexOf(text.charAt(i));
      if (index < 0) {
        throw new IllegalArgumentException("character outside the alphabet at position " + i);
      }
      translated[i] = to.charAt(index);
    }
    return new String(translated);
  }
}
