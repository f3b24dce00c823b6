package dev.gatehouse.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a secret into the UTF-8 bytes the algorithms take, leaving no extra copies behind. */
final class SecretEncoding {

  private SecretEncoding() {}

  static byte[] utf8(CharSequence secret) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }
}
