package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The users of one successful load of users.yml, replaced as a whole on reload, and the digest that a
 * login for an unknown or disabled username is checked against.
 *
 * <p>That timing decoy is the digest of the first user (by username) among those whose algorithm is the
 * most common, so it normally costs what a real check costs and a failed login takes as long whether or
 * not the username exists. A user's own digest is used because a new one with the same parameters cannot
 * be made for every format; the result of checking it is always thrown away. With no users at all there is
 * nothing to hide and no decoy.
 */
record UserSnapshot(Map<String, User> byUsername, Optional<PasswordDigest> timingDecoy) {

  static UserSnapshot of(Map<String, User> byUsername) {
    Map<String, List<User>> byAlgorithm = byUsername.values().stream()
        .sorted(Comparator.comparing(User::username))
        .collect(Collectors.groupingBy(user -> algorithmOf(user.password()), LinkedHashMap::new,
            Collectors.toList()));
    Optional<PasswordDigest> decoy = byAlgorithm.values().stream()
        .max(Comparator.comparingInt(List::size))
        .map(users -> users.get(0).password());
    return new UserSnapshot(Map.copyOf(byUsername), decoy);
  }

  /** The identifier between the first two '$' of a crypt digest: argon2id, pbkdf2-sha512, 2b, 6… */
  private static String algorithmOf(PasswordDigest digest) {
    String[] parts = digest.encoded().split("\\$", 3);
    return parts.length > 1 ? parts[1] : "";
  }

  /** The enabled user with exactly this username (case-sensitive, as Authelia by default). */
  Optional<User> enabledUser(String username) {
    return Optional.ofNullable(byUsername.get(username)).filter(user -> !user.disabled());
  }
}
