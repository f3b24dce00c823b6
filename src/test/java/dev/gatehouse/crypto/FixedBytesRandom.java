package dev.gatehouse.crypto;

import java.security.SecureRandom;

/** Hands out a known salt so that a generated digest can be compared with one made elsewhere. */
final class FixedBytesRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  private final byte[] bytes;

  FixedBytesRandom(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public void nextBytes(byte[] target) {
    if (target.length != bytes.length) {
      throw new IllegalStateException("asked for " + target.length + " bytes, have " + bytes.length);
    }
    System.arraycopy(bytes, 0, target, 0, target.length);
  }
}
