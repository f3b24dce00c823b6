package dev.gatehouse.webauthn;

import dev.gatehouse.storage.WebAuthnCredentialRow;

/** How adding a security key or passkey fared. */
public sealed interface RegistrationOutcome {

  /** Stored; {@code userVerified} says whether the authenticator verified the user (PIN, biometrics) to make it. */
  record Registered(WebAuthnCredentialRow credential, boolean userVerified) implements RegistrationOutcome {
  }

  /** Not added; {@code reason} is for the log, and names the check that failed. */
  record Refused(String reason) implements RegistrationOutcome {
  }
}
