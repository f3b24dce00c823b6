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
   * Returns when the source can answer now; a file always can.
   *
   * @throws DirectoryUnavailableException when a directory server cannot
   */
  default void checkReachable() {
  }
}
