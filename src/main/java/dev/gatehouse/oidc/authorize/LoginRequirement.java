package dev.gatehouse.oidc.authorize;

import dev.gatehouse.config.schema.PolicyLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Decides what an authorization request needs before Spring Authorization Server may answer it:
 * what the client's {@code authorization_policy} asks of the signed-in user, and OpenID Connect
 * Core 3.1.2.1's {@code prompt},
 * {@code max_age} and {@code id_token_hint}. Pure rules, no servlet types.
 *
 * <p>A login the gate asked for while handling this very request satisfies {@code prompt=login}
 * and {@code max_age}, however long the password and second factor took: otherwise
 * {@code max_age=0} could never be met. The hinted user must be the one signed in, or no code.
 *
 * @param required what the client's policy asks of the signed-in user (anything when nobody is)
 * @param prompt the {@code prompt} values of the request (empty on the consent form's POST)
 * @param maxAge the {@code max_age} of the request, if any
 * @param signedInAt when the first factor of the current login (a password or a passkey) was proven, null if none
 * @param authenticatedAt when the current login's latest factor was proven (its {@code auth_time})
 * @param twoFactors whether the current login counts as two factors (a password and a TOTP code, security
 *     key or passkey; or a passkey alone where {@code experimental_enable_passkey_uv_two_factors} says so)
 * @param loginAskedAt when the gate sent the user to sign in for this request, or null
 * @param hint what the request's {@code id_token_hint} says of the signed-in user
 */
public record LoginRequirement(PolicyLevel required, Set<String> prompt, Duration maxAge, Instant signedInAt,
    Instant authenticatedAt, boolean twoFactors, Instant loginAskedAt, Hint hint) {

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
    /** One factor is proven, the policy asks for two: a code or key after a password, a password after a passkey. */
    SECOND_FACTOR,
    /** A login is needed but the request forbids it, or the one done for it is not the hinted user. */
    LOGIN_REQUIRED,
    /** prompt=none, and the second factor would be needed. */
    INTERACTION_REQUIRED,
    /** The policy does not let this user use the client: nothing is issued. */
    DENIED;

    /** Whether this ends the request's detour through the login pages. */
    public boolean answersTheClient() {
      return this == PROCEED || this == LOGIN_REQUIRED || this == INTERACTION_REQUIRED || this == DENIED;
    }
  }

  public Outcome decide(Instant now) {
    boolean signedIn = signedInAt != null;
    if (prompt.contains("none")) {
      if (!signedIn || tooOld(now) || hint == Hint.SOMEONE_ELSE) {
        return Outcome.LOGIN_REQUIRED;
      }
      return required == PolicyLevel.TWO_FACTOR && !twoFactors ? Outcome.INTERACTION_REQUIRED : allowed();
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
    return required == PolicyLevel.TWO_FACTOR && !twoFactors ? Outcome.SECOND_FACTOR : allowed();
  }

  /** Denied once the user is known, before any second factor: it would prove nothing that changes the answer. */
  private Outcome allowed() {
    return required == PolicyLevel.DENY ? Outcome.DENIED : Outcome.PROCEED;
  }

  /** Past {@code max_age}; so always for {@code max_age=0}, which asks for a login as prompt=login does. */
  private boolean tooOld(Instant now) {
    Instant at = authenticatedAt == null ? signedInAt : authenticatedAt;
    return maxAge != null && at != null && Duration.between(at, now).compareTo(maxAge) > 0;
  }

  /** A first factor proven after the gate sent the user to sign in for this request. */
  private boolean signedInForThisRequest() {
    return loginAskedAt != null && signedInAt != null && !signedInAt.isBefore(loginAskedAt);
  }
}
