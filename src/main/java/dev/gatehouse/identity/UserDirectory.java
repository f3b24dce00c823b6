package dev.gatehouse.identity;

import java.util.Optional;

/**
 * Where users come from: the users file or a directory server. Both find a user by the exact
 * username Gatehouse keeps (the key of TOTP devices, security keys and the opaque subject), and check
 * a password. A directory server that cannot answer throws {@link DirectoryUnavailableException} from
 * any of these, which is never the same as "no such user" or "wrong password".
 */
public interface UserDirectory {

  /** The enabled user with this username, with their current details and groups. */
  Optional<User> find(String username);

  /**
   * The user when the password is right, else empty (unknown user, disabled user or wrong password).
   * A directory may accept another input than the username (such as the mail address); the user
   * returned carries the username.
   */
  Optional<User> authenticate(String input, String password);

  /**
   * The username whose sign-in attempts {@code input} counts toward, so that regulation cannot be
   * side-stepped by typing the same account another way: with a directory, the mail address or another
   * letter case finds the same entry. The input itself when no user matches (a file's usernames are
   * exact), or when the directory cannot answer.
   */
  default String regulatedName(String input) {
    return input;
  }

  /**
   * Returns when the source can answer now; a file always can.
   *
   * @throws DirectoryUnavailableException when a directory server cannot
   */
  default void checkReachable() {
  }
}
