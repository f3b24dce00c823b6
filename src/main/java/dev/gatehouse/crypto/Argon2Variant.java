package dev.gatehouse.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** The Argon2 variant, named by the digest's identifier. */
public enum Argon2Variant {
  ARGON2ID("argon2id", Argon2Parameters.ARGON2_id),
  ARGON2I("argon2i", Argon2Parameters.ARGON2_i),
  ARGON2D("argon2d", Argon2Parameters.ARGON2_d);

  private final String identifier;
  private final int bouncyCastleType;

  Argon2Variant(String identifier, int bouncyCastleType) {
    this.identifier = identifier;
    this.bouncyCastleType = bouncyCastleType;
  }

  /** The identifier written between the first two '$', e.g. {@code argon2id}. */
  public String identifier() {
    return identifier;
  }

  int bouncyCastleType() {
    return bouncyCastleType;
  }

  static Optional<Argon2Variant> forIdentifier(String identifier) {
    return Arrays.stream(values()).filter(variant -> variant.identifier.equals(identifier)).findFirst();
  }
}
