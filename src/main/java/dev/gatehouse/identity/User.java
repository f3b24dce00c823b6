package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import java.util.List;
import java.util.Objects;

/**
 * One entry of users.yml. Username, display name and password are always set; every other attribute is
 * null when the file does not give it, except {@code groups}, which is an empty list then.
 * {@code locale} is the canonical BCP 47 tag, {@code profile}, {@code picture} and {@code website} are
 * absolute http(s) URLs: the parser checks both.
 */
public record User(
    String username,
    String displayName,
    PasswordDigest password,
    String email,
    List<String> groups,
    boolean disabled,
    String givenName,
    String middleName,
    String familyName,
    String nickname,
    String profile,
    String picture,
    String website,
    String gender,
    String birthdate,
    String zoneinfo,
    String locale,
    String phoneNumber,
    String phoneExtension,
    Address address) {

  public User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(password, "password");
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** Leaves the password digest out, so that logging a user never writes it anywhere. */
  @Override
  public String toString() {
    return "User[username=" + username + ", displayName=" + displayName + ", disabled=" + disabled + "]";
  }
}
