package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import java.util.Optional;

/**
 * The first factor: a username and password checked against users.yml. Usernames match exactly
 * (case-sensitive), as with Authelia's default {@code search.case_insensitive: false}.
 *
 * <p>A failed login costs one digest computation whether or not the username exists or is disabled: an
 * unknown username is checked against the snapshot's timing decoy, so the response time does not tell an
 * attacker which usernames are real.
 */
public final class PasswordCheck {

  private final UserDirectory directory;

  public PasswordCheck(UserDirectory directory) {
    this.directory = directory;
  }

  /** The user when the password is right, else empty (unknown user, disabled user or wrong password). */
  public Optional<User> authenticate(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    UserSnapshot users = directory.snapshot();
    Optional<User> user = users.enabledUser(username);
    Optional<PasswordDigest> digest = user.map(User::password).or(users::timingDecoy);
    boolean matches = digest.map(d -> d.matches(password)).orElse(false);
    return matches ? user : Optional.empty();
  }
}
