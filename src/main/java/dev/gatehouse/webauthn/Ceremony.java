package dev.gatehouse.webauthn;

import java.time.Instant;

/**
 * A ceremony the server began: the challenge it gave the browser, for which party, for whom (null
 * for a passkey sign-in, where the credential names the user) and until when it may be answered.
 * Kept in the session, so it follows the browser across instances and dies with the session.
 */
public record Ceremony(Kind kind, byte[] challenge, RelyingParty party, String username,
    boolean userVerificationRequired, Instant expiresAt) {

  /** What the challenge was given for: one answered for another kind is refused. */
  public enum Kind {
    REGISTRATION,
    SECOND_FACTOR,
    PASSKEY_SIGN_IN
  }
}
