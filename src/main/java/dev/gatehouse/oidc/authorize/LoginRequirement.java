package dev.gatehouse.oidc.authorize;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Decides what an authorization request needs before Spring Authorization Server may answer it:
 * the client's {@code authorization_policy}, and OpenID Connect Core 3.1.2.1's {@code prompt},
 * {@code max_age} and {@code id_token_hint}. Pure rules, no servlet types.
 *
 * <p>A login the gate asked for while handling this very request satisfies {@code prompt=login}
 * and {@code max_age}, however long the password and second factor took: otherwise
 * {@code max_age=0} could never be met. The hinted user must be the one signed in, or no code.
 *
 * @param twoFactor whether the client's policy is {@code two_factor}
 * @param prompt the {@code prompt} values of the request (empty on the consent form's POST)
 * @param maxAge the {@code max_age} of the request, if any
 * @param passwordAt when the password factor of the current login was proven, null if none
 * @param authenticatedAt when the current login's latest factor was proven (its {@code auth_time})
 * @param secondFactor whether the current login has proven a TOTP code
 * @param loginAskedAt when the gate sent the user to sign in for this request, or null
 * @param hint what the request's {@code id_token_hint} says of the signed-in user
 */
public record LoginRequirement(boolean twoFactor, Set<String> prompt, Duration maxAge, Instant passwordAt,
    Instant authenticatedAt, boolean secondFactor, Instant loginAskedAt, Hint hint) {

  /** The user a request names ({@code id_token_hint}, a {@code sub} claim value) against the signed-in user. */
  public enum Hint {
    /** The request has none. */
    ABSENT,
    /** It names the signed-in user (and a hint is an ID token Gatehouse signed). */
    SIGNED_IN_USER,
    /** It is not Gatehouse's, or names someone else, or nobody is signed in. */
    SOMEONE_ELSE
  }

  /** What to do with the request. */
  public enum Outcome {
    /** Let the authorization server answer. */
    PROCEED,
    /** Nobody is signed in: show the login page. */
    LOGIN,
    /** Someone is signed in but must sign in again (prompt=login, max_age, id_token_hint). */
    LOGIN_AGAIN,
    /** The password is proven, the TOTP code is still missing. */
    SECOND_FACTOR,
    /** A login is needed but the request forbids it, or the one done for it is not the hinted user. */
    LOGIN_REQUIRED,
    /** prompt=none, and the second factor would be needed. */
    INTERACTION_REQUIRED;

    /** Whether this ends the request's detour through the login pages. */
    public boolean answersTheClient() {
      return this == PROCEED || this == LOGIN_REQUIRED || this == INTERACTION_REQUIRED;
    }
  }

  public Outcome decide(Instant now) {
    boolean signedIn = passwordAt != null;
    if (prompt.contains("none")) {
      if (!signedIn || tooOld(now) || hint == Hint.SOMEONE_ELSE) {
        return Outcome.LOGIN_REQUIRED;
      }
      return twoFactor && !secondFactor ? Outcome.INTERACTION_REQUIRED : Outcome.PROCEED;
    }
    if (!signedIn) {
      return Outcome.LOGIN;
    }
    if (signedInForThisRequest()) {
      if (hint == Hint.SOMEONE_ELSE) {
        return Outcome.LOGIN_REQUIRED;
      }
    } else if (prompt.contains("login") || tooOld(now) || hint == Hint.SOMEONE_ELSE) {
      return Outcome.LOGIN_AGAIN;
    }
    return twoFactor && !secondFactor ? Outcome.SECOND_FACTOR : Outcome.PROCEED;
  }

  /** Past {@code max_age}; so always for {@code max_age=0}, which asks for a login as prompt=login does. */
  private boolean tooOld(Instant now) {
    Instant at = authenticatedAt == null ? passwordAt : authenticatedAt;
    return maxAge != null && at != null && Duration.between(at, now).compareTo(maxAge) > 0;
  }

  /** A password proven after the gate sent the user to sign in for this request. */
  private boolean signedInForThisRequest() {
    return loginAskedAt != null && passwordAt != null && !passwordAt.isBefore(loginAskedAt);
  }
}
