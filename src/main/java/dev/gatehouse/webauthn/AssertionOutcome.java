package dev.gatehouse.webauthn;

/** How an assertion (a sign-in with a credential) fared. */
public sealed interface AssertionOutcome {

  /** Signed by the credential for this challenge and party: the counter to store from now on. */
  record Accepted(long signCount, boolean userPresent, boolean userVerified) implements AssertionOutcome {
  }

  /**
   * Signed by the credential, but its counter did not move forward: two authenticators hold the
   * same key, so it was copied. Refused, and worth a log line.
   */
  record Cloned(long storedCount, long presentedCount) implements AssertionOutcome {
  }

  /** Not a valid assertion for this ceremony. */
  record Refused(String reason) implements AssertionOutcome {
  }
}
