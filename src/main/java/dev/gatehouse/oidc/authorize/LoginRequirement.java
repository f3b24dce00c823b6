package dev.gatehouse.oidc.authorize;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Decides what an authorization request needs before Spring Authorization Server may answer it:
 * the client's {@code authorization_policy}, and OpenID Connect Core 3.1.2.1's {@code prompt}
 * and {@code max_age}. Pure rules, no servlet types.
 *
 * @param twoFactor whether the client's policy is {@code two_factor}
 * @param prompt the {@code prompt} values of the request (empty on the consent form's POST)
 * @param maxAge the {@code max_age} of the request, if any
 * @param passwordAt when the password factor of the current login was proven, null if none
 * @param secondFactor whether the current login has proven a TOTP code
 * @param freshLoginAskedAt when this session last had to sign in again for prompt=login, or null
 */
public record LoginRequirement(boolean twoFactor, Set<String> prompt, Duration maxAge, Instant passwordAt,
    boolean secondFactor, Instant freshLoginAskedAt) {

  /** What to do with the request. */
  public enum Outcome {
    /** Let the authorization server answer. */
    PROCEED,
    /** Nobody is signed in: show the login page. */
    LOGIN,
    /** Someone is signed in but must sign in again (prompt=login, max_age). */
    LOGIN_AGAIN,
    /** The password is proven, the TOTP code is still missing. */
    SECOND_FACTOR,
    /** prompt=none, and a login would be needed. */
    LOGIN_REQUIRED,
    /** prompt=none, and the second factor would be needed. */
    INTERACTION_REQUIRED
  }

  public Outcome decide(Instant now) {
    boolean signedIn = passwordAt != null;
    boolean tooOld = signedIn && maxAge != null
        && Duration.between(passwordAt, now).getSeconds() > maxAge.getSeconds();
    boolean mustReLogin = prompt.contains("login") && !loginIsFresh();
    if (prompt.contains("none")) {
      if (!signedIn || tooOld) {
        return Outcome.LOGIN_REQUIRED;
      }
      return twoFactor && !secondFactor ? Outcome.INTERACTION_REQUIRED : Outcome.PROCEED;
    }
    if (!signedIn) {
      return Outcome.LOGIN;
    }
    if (tooOld || mustReLogin) {
      return Outcome.LOGIN_AGAIN;
    }
    return twoFactor && !secondFactor ? Outcome.SECOND_FACTOR : Outcome.PROCEED;
  }

  /** prompt=login is met by a password proven after the session was sent to sign in again. */
  private boolean loginIsFresh() {
    return freshLoginAskedAt != null && passwordAt != null && !passwordAt.isBefore(freshLoginAskedAt);
  }
}
