package dev.gatehouse.crypto;

import java.util.Optional;

/** A parsed crypt digest ({@code $pbkdf2-sha512$…}, {@code $argon2id$…}, …) that can check a secret. */
public interface PasswordDigest {

  /** Whether the secret hashes to this digest; the final comparison is constant-time. */
  boolean matches(CharSequence secret);

  /**
   * The heap a check allocates for itself while it runs: scrypt's 128 * N * r bytes. Nearly nothing
   * for the other families; argon2 borrows one shared array instead (Argon2Memory).
   */
  default long workingMemoryBytes() {
    return 0;
  }

  /**
   * The digest as written in the configuration, e.g. {@code $pbkdf2-sha512$310000$…}, less any LDAP scheme such as
   * {@code {CRYPT}}.
   */
  String encoded();

  /**
   * Whether the configuration gave the secret bare, without a {@code $} prefix. Authelia still accepts this for client
   * secrets but it is deprecated, so the configuration validator should warn.
   */
  default boolean isLegacyPlaintext() {
    return false;
  }

  /**
   * The secret itself when the digest stores it unhashed ({@code $plaintext$}, {@code $base64$} or a bare value);
   * {@code client_secret_jwt} needs it as the HMAC key. Each call returns a fresh copy.
   */
  default Optional<byte[]> plaintextSecret() {
    return Optional.empty();
  }
}
