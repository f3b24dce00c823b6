package dev.gatehouse.ldap;

import com.unboundid.ldap.sdk.Entry;
import dev.gatehouse.config.schema.LdapBackendConfig.Attributes;
import dev.gatehouse.identity.Address;
import dev.gatehouse.identity.User;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a user's entry through {@code attributes.*}, as Authelia's LDAP user profile does. */
final class UserEntries {

  private static final Logger log = LoggerFactory.getLogger(UserEntries.class);

  private final Attributes names;
  private final ExtraAttributes extra;

  UserEntries(Attributes names) {
    this.names = names;
    this.extra = new ExtraAttributes(names.extra());
  }

  /** The attributes a user search asks for: every one that is read, each once. */
  String[] requested() {
    Set<String> all = new LinkedHashSet<>(Stream.of(names.username(), names.mail(), names.displayName(),
        names.memberOf(), names.givenName(), names.middleName(), names.familyName(), names.nickname(),
        names.gender(), names.birthdate(), names.website(), names.profile(), names.picture(), names.zoneinfo(),
        names.locale(), names.phoneNumber(), names.phoneExtension(), names.streetAddress(), names.locality(),
        names.region(), names.postalCode(), names.country()).filter(Objects::nonNull).toList());
    all.addAll(names.extra().keySet());
    return all.toArray(String[]::new);
  }

  /**
   * The entry's username: exactly one non-empty value, else the entry is no usable user (Authelia refuses
   * it with an error, so the sign-in fails).
   */
  Optional<String> username(Entry entry) {
    List<String> values = values(entry, names.username());
    if (values.size() != 1 || values.get(0).isEmpty()) {
      log.warn("The LDAP entry {} has {} values for the username attribute '{}' but needs exactly one",
          entry.getDN(), values.size(), names.username());
      return Optional.empty();
    }
    return Optional.of(values.get(0));
  }

  List<String> memberOf(Entry entry) {
    return values(entry, names.memberOf());
  }

  /** The entry as a Gatehouse user; the directory checks the password, so the user carries none. */
  User user(Entry entry, String username, List<String> groups) {
    List<String> emails = values(entry, names.mail());
    if (emails.isEmpty() && Objects.equals(names.mail(), names.username())) {
      emails = List.of(username);
    }
    String displayName = value(entry, names.displayName());
    if (displayName == null && Objects.equals(names.displayName(), names.username())) {
      displayName = username;
    }
    return new User(username, displayName == null ? "" : displayName, null,
        emails.isEmpty() ? null : emails.get(0), groups, false, value(entry, names.givenName()),
        value(entry, names.middleName()), value(entry, names.familyName()), value(entry, names.nickname()),
        url(entry, names.profile()), url(entry, names.picture()), url(entry, names.website()),
        value(entry, names.gender()), value(entry, names.birthdate()), value(entry, names.zoneinfo()),
        locale(entry), value(entry, names.phoneNumber()), value(entry, names.phoneExtension()), address(entry),
        extra.read(entry));
  }

  private Address address(Entry entry) {
    Address address = new Address(value(entry, names.streetAddress()), value(entry, names.locality()),
        value(entry, names.region()), value(entry, names.postalCode()), value(entry, names.country()));
    boolean empty = Stream.of(address.streetAddress(), address.locality(), address.region(),
        address.postalCode(), address.country()).allMatch(Objects::isNull);
    return empty ? null : address;
  }

  /**
   * An absolute http(s) URL, as identity.User promises. Authelia fails the whole userinfo request on any
   * other value; here the one claim is left out and the directory's owner warned.
   */
  private static String url(Entry entry, String attribute) {
    String value = value(entry, attribute);
    try {
      if (value == null || List.of("http", "https").contains(new URI(value).getScheme())) {
        return value;
      }
    } catch (URISyntaxException e) {
      // Reported below like any other value that is not an http(s) URL.
    }
    log.warn("Leaving out '{}' of {}: '{}' is not an absolute http(s) URL", attribute, entry.getDN(), value);
    return null;
  }

  /** The canonical BCP 47 tag, as identity.User promises; a value that is none is left out. */
  private String locale(Entry entry) {
    String value = value(entry, names.locale());
    if (value == null) {
      return null;
    }
    String tag = Locale.forLanguageTag(value).toLanguageTag();
    if (tag.equals("und")) {
      log.warn("Leaving out '{}' of {}: '{}' is not a language tag", names.locale(), entry.getDN(), value);
      return null;
    }
    return tag;
  }

  /** The first value, or null; as go-ldap's {@code GetAttributeValue}, an empty value counts as none. */
  static String value(Entry entry, String attribute) {
    List<String> values = values(entry, attribute);
    return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  static List<String> values(Entry entry, String attribute) {
    if (attribute == null || entry.getAttributeValues(attribute) == null) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList(entry.getAttributeValues(attribute)));
  }
}
