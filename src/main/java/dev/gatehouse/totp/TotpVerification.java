package dev.gatehouse.totp;

/** The outcome of checking a submitted TOTP code. */
public enum TotpVerification {
  /** The code matches a step within the skew window, and is its first use (or reuse is allowed). */
  ACCEPTED,
  /** Wrong code, wrong format, or a step outside the skew window. Counts as a failed attempt for regulation. */
  INVALID,
  /** The right code, but its step was already used by this user. */
  REPLAYED
}
