package dev.gatehouse.crypto;

import java.util.Arrays;
import java.util.Optional;

/** The Argon2 variant, named by the digest's identifier. */
public enum Argon2Variant {
  ARGON2ID("argon2id", 2),
  ARGON2I("argon2i", 1),
  ARGON2D("argon2d", 0);

  private final String identifier;
  private final int typeNumber;

  Argon2Variant(String identifier, int typeNumber) {
    this.identifier = identifier;
    this.typeNumber = typeNumber;
  }

  /** The identifier written between the first two '$', e.g. {@code argon2id}. */
  public String identifier() {
    return identifier;
  }

  /** The type y of RFC 9106, hashed into every digest. */
  int typeNumber() {
    return typeNumber;
  }

  static Optional<Argon2Variant> forIdentifier(String identifier) {
    return Arrays.stream(values()).filter(variant -> variant.identifier.equals(identifier)).findFirst();
  }
}
