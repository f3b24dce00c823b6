package dev.gatehouse.totp;

import java.time.Instant;
import java.util.Objects;

/**
 * What an authenticator app needs besides the secret. Stored per enrolment, as Authelia does, so that a configuration
 * change affects only new enrolments.
 *
 * @param digits 6 or 8, the only lengths Authelia accepts
 * @param period seconds per time step
 */
public record TotpParameters(TotpAlgorithm algorithm, int digits, int period) {

  public TotpParameters {
    Objects.requireNonNull(algorithm, "algorithm");
    if (digits != 6 && digits != 8) {
      throw new IllegalArgumentException("TOTP digits must be 6 or 8, not " + digits);
    }
    if (period < 1) {
      throw new IllegalArgumentException("TOTP period must be positive, not " + period);
    }
  }

  /** The RFC 6238 time step {@code T} that contains {@code instant}. */
  public long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), period);
  }
}
