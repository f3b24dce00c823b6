package dev.gatehouse.totp;

/**
 * Remembers which TOTP time steps each user has already spent, so that a code seen over someone's shoulder, or
 * captured by a phishing proxy, cannot be used a second time within its validity window.
 */
@FunctionalInterface
public interface ReplayGuard {

  /**
   * Records that {@code username} used the code of {@code step}, and tells whether nobody had before.
   *
   * <p>Implementations must decide atomically (an insert against {@code UNIQUE(username, step)}), so that two
   * concurrent requests with the same code cannot both see a first use.
   *
   * @param step the start of the time step in Unix seconds (step number × period), as Authelia's
   *     {@code totp_history.step}: unlike the bare step number it still identifies the same moment after the user
   *     re-enrols with another period
   * @return true the first time, false when that step was already recorded for that user
   */
  boolean firstUse(String username, long step);
}
