package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user, from users.yml or a directory. Username and display name are always set; the password digest
 * is set for a user of users.yml, and null for a directory's (the directory checks their passwords).
 * Every other attribute is null when the source does not give it, except {@code groups} and
 * {@code extra}, which are empty then. {@code extra} holds the {@code extra} attributes by name: a
 * String, Long or Boolean, or a list of them. {@code locale} is the canonical BCP 47 tag, and
 * {@code profile}, {@code picture} and {@code website} are absolute http(s) URLs: the parser checks both.
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
    Address address,
    Map<String, Object> extra) {

  public User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    groups = groups == null ? List.of() : List.copyOf(groups);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** Leaves the password digest out, so that logging a user never writes it anywhere. */
  @Override
  public String toString() {
    return "User[username=" + username + ", displayName=" + displayName + ", disabled=" + disabled + "]";
  }
}
