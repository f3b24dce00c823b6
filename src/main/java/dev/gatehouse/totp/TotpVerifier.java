package dev.gatehouse.totp;

import dev.gatehouse.config.schema.TotpConfig;
import java.time.Clock;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a submitted code against one enrolment (stored at sign-in, pending at registration) the way Authelia does:
 * the enrolment's own parameters, the configured skew, then the replay policy.
 */
public final class TotpVerifier {

  private static final Logger log = LoggerFactory.getLogger(TotpVerifier.class);

  private final int skew;
  private final boolean reuseAllowed;
  private final ReplayGuard replayGuard;
  private final Clock clock;

  /** @throws IllegalArgumentException if {@code totp.skew} is negative */
  public TotpVerifier(TotpConfig config, ReplayGuard replayGuard, Clock clock) {
    if (config.skew() < 0) {
      throw new IllegalArgumentException("totp.skew must not be negative, not " + config.skew());
    }
    this.skew = config.skew();
    this.reuseAllowed = config.disableReuseSecurityPolicy();
    this.replayGuard = replayGuard;
    this.clock = clock;
  }

  /**
   * An invalid code leaves no trace in the replay guard. A matching one is recorded whatever the policy, as Authelia
   * does, which is also how a registration's confirmation code is kept from signing in later.
   */
  public TotpVerification verify(String username, byte[] secret, TotpParameters parameters, String code) {
    OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), skew, parameters);
    if (step.isEmpty()) {
      return TotpVerification.INVALID;
    }
    if (replayGuard.firstUse(username, step.getAsLong() * parameters.period())) {
      return TotpVerification.ACCEPTED;
    }
    if (reuseAllowed) {
      log.warn("User '{}' reused a TOTP code of an already used time step; accepted because "
          + "totp.disable_reuse_security_policy is true", username);
      return TotpVerification.ACCEPTED;
    }
    return TotpVerification.REPLAYED;
  }
}
