package dev.gatehouse.identity;

import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.crypto.MalformedDigestException;
import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigests;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one user of users.yml (the mapping under {@code users.<username>}) with the checks Authelia's
 * file backend makes: {@code password} and {@code displayname} are required, the password must decode as
 * a crypt digest (so a typo fails now, at load, instead of at the user's next login), {@code locale} must
 * be a BCP 47 tag and {@code profile}, {@code picture} and {@code website} absolute http(s) URLs.
 */
final class UserEntry {

  private UserEntry() {
  }

  /**
   * The user, or empty when {@code password} or {@code displayname} is missing or unusable. Every attribute
   * is read either way, so that all problems of the entry reach the findings at once.
   */
  static Optional<User> read(String username, YamlMapping fields, Findings findings,
      Map<String, ExtraAttribute> extraAttributes) {
    PasswordDigest password = password(fields, findings);
    String displayName = fields.requiredString("displayname");
    String email = fields.string("email");
    List<String> groups = fields.strings("groups");
    boolean disabled = fields.bool("disabled");
    String givenName = fields.string("given_name");
    String middleName = fields.string("middle_name");
    String familyName = fields.string("family_name");
    String nickname = fields.string("nickname");
    String profile = webAddress(fields, "profile", findings);
    String picture = webAddress(fields, "picture", findings);
    String website = webAddress(fields, "website", findings);
    String gender = fields.string("gender");
    String birthdate = fields.string("birthdate");
    String zoneinfo = fields.string("zoneinfo");
    String locale = locale(fields, findings);
    String phoneNumber = fields.string("phone_number");
    String phoneExtension = fields.string("phone_extension");
    Address address = address(fields, findings);
    Map<String, Object> extra = fields.mapping("extra")
        .map(values -> ExtraValues.read(username, values, extraAttributes, findings)).orElse(Map.of());
    warnAboutUnknownKeys(fields, findings);
    if (password == null || displayName == null) {
      return Optional.empty();
    }
    return Optional.of(new User(username, displayName, password, email, groups, disabled, givenName, middleName,
        familyName, nickname, profile, picture, website, gender, birthdate, zoneinfo, locale, phoneNumber,
        phoneExtension, address, extra));
  }

  private static PasswordDigest password(YamlMapping fields, Findings findings) {
    String encoded = fields.requiredString("password");
    if (encoded == null) {
      return null;
    }
    try {
      PasswordDigest digest = PasswordDigests.parse(encoded);
      if (digest.isLegacyPlaintext()) {
        // Authelia decodes passwords strictly: a bare password is accepted for client secrets only.
        findings.problem(fields.path("password"), fields.at("password"),
            "is not a password digest; write a digest such as $argon2id$… (or $plaintext$… for a test user)");
        return null;
      }
      return digest;
    } catch (MalformedDigestException e) {
      findings.problem(fields.path("password"), fields.at("password"), e.getMessage());
      return null;
    }
  }

  private static String locale(YamlMapping fields, Findings findings) {
    String tag = fields.string("locale");
    if (tag == null) {
      return null;
    }
    try {
      // Go's language.Parse, which Authelia uses, accepts '_' as a separator too ("en_US").
      return new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      findings.problem(fields.path("locale"), fields.at("locale"),
          "'" + tag + "' is not a BCP 47 language tag such as 'en' or 'en-US'");
      return null;
    }
  }

  private static String webAddress(YamlMapping fields, String key, Findings findings) {
    String value = fields.string(key);
    if (value == null || isHttpUrl(value)) {
      return value;
    }
    findings.problem(fields.path(key), fields.at(key), "'" + value + "' is not an absolute http or https URL");
    return null;
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Address address(YamlMapping fields, Findings findings) {
    return fields.mapping("address").map(parts -> {
      Address address = new Address(parts.string("street_address"), parts.string("locality"), parts.string("region"),
          parts.string("postal_code"), parts.string("country"));
      warnAboutUnknownKeys(parts, findings);
      return address;
    }).orElse(null);
  }

  /**
   * Authelia decodes users.yml leniently and ignores keys it does not know; so do we, so that a file that
   * works with Authelia works here, but we say so, because {@code disable: true} is probably a typo.
   */
  private static void warnAboutUnknownKeys(YamlMapping fields, Findings findings) {
    fields.unreadKeys().forEach((key, keyNode) ->
        findings.warning(fields.path(key), keyNode, "unknown attribute, ignored"));
  }
}
