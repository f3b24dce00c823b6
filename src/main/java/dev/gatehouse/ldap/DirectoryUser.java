package dev.gatehouse.ldap;

import dev.gatehouse.identity.Address;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user as the directory describes them: what {@code identity.User} carries, less the password (the
 * directory checks it) and the disabled flag (the users filter leaves disabled accounts out).
 *
 * @param username the value of {@code attributes.username}, never the sign-in input (which may be a mail
 *     address)
 * @param displayName "" when the entry has none, as in Authelia
 * @param email the first of {@code emails}, null when there is none
 * @param extra the {@code attributes.extra} values by their Gatehouse name: a String, Long or Boolean, or a
 *     list of them when multi-valued
 */
public record DirectoryUser(
    String username,
    String displayName,
    String email,
    List<String> emails,
    List<String> groups,
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

  public DirectoryUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    emails = List.copyOf(emails);
    groups = List.copyOf(groups);
    extra = Map.copyOf(extra);
  }
}
