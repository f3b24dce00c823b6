package dev.gatehouse.webauthn;

import dev.gatehouse.storage.WebAuthnCredentialRow;

/** How signing in (or proving a second factor) with a security key or passkey fared. */
public sealed interface SignInOutcome {

  /**
   * The credential signed this ceremony's challenge. Its attachment tells a hardware key
   * ({@code cross-platform}, {@code amr} {@code hwk}) from one built into the device ({@code swk}).
   */
  record SignedIn(WebAuthnCredentialRow credential, boolean userPresent, boolean userVerified)
      implements SignInOutcome {
  }

  /** The credential's counter went backwards: a copy of it exists. Refused, and logged. */
  record Cloned(WebAuthnCredentialRow credential) implements SignInOutcome {
  }

  /** Not a valid answer; {@code reason} is for the log. */
  record Refused(String reason) implements SignInOutcome {
  }
}
