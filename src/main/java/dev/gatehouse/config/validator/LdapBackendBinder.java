package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.config.schema.LdapBackendConfig.Attributes;
import dev.gatehouse.config.schema.LdapBackendConfig.ExtraLdapAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig.GroupSearchMode;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.LdapBackendConfig.LdapAddress;
import dev.gatehouse.config.schema.LdapBackendConfig.Pooling;
import dev.gatehouse.config.schema.LdapPreset;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.UserAttributeNames;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code authentication_backend.ldap} as Authelia 4.39's validator reads it: the implementation's defaults
 * for what is left out, the checks of the filters and of the options that go together, and the attribute
 * placeholders of both filters filled in (Authelia fills them once, when its provider starts).
 */
final class LdapBackendBinder {

  private static final Pooling POOLING = new Pooling(false, 5, 2, Duration.ofSeconds(10));
  private static final int LDAP_PORT = 389;
  private static final int LDAPS_PORT = 636;

  private LdapBackendBinder() {
  }

  static LdapBackendConfig bind(ConfigNode ldap) {
    Implementation implementation = ldap.child("implementation").choice(Implementation.CUSTOM, Implementation.class);
    LdapPreset preset = LdapPreset.of(implementation);
    LdapAddress address = address(ldap.child("address"));
    SessionConfig.Tls tls = TlsBinder.bind(ldap.child("tls"), address == null ? null : address.host());
    Attributes attributes = attributes(ldap.child("attributes"), preset.attributes());
    String usersFilter = ldap.child("users_filter").string(preset.usersFilter());
    String groupsFilter = ldap.child("groups_filter").string(preset.groupsFilter());
    checkUsersFilter(ldap.child("users_filter"), usersFilter);
    checkGroupsFilter(ldap.child("groups_filter"), groupsFilter);
    GroupSearchMode mode = ldap.child("group_search_mode").choice(GroupSearchMode.FILTER, GroupSearchMode.class);
    checkGroupSearch(ldap, mode, groupsFilter, attributes);
    boolean unauthenticated = ldap.child("permit_unauthenticated_bind").bool(false);
    String user = ldap.child("user").string();
    String password = ldap.child("password").string();
    checkServiceAccount(ldap, unauthenticated, user, password);
    // Optional since Authelia 4.39: without it, searches start at the directory's root.
    String baseDn = ldap.child("base_dn").string("");
    String additionalUsersDn = ldap.child("additional_users_dn").string(nonNull(preset.additionalUsersDn()));
    String additionalGroupsDn = ldap.child("additional_groups_dn").string(nonNull(preset.additionalGroupsDn()));
    return new LdapBackendConfig(address, implementation,
        ldap.child("timeout").positiveDuration(preset.timeout()), ldap.child("start_tls").bool(false), tls,
        pooling(ldap.child("pooling")), baseDn, additionalUsersDn, fill(usersFilter, attributes), additionalGroupsDn,
        fill(groupsFilter, attributes), mode, attributes, ldap.child("permit_referrals").bool(false), unauthenticated,
        ldap.child("permit_feature_detection_failure").bool(false), user, password);
  }

  /** Authelia's default scheme is ldaps, and a bare path is a unix socket (ldapi), which is refused here. */
  private static LdapAddress address(ConfigNode node) {
    String text = node.string();
    if (text == null || text.isEmpty()) {
      node.error("is required, e.g. 'ldaps://ldap.example.com' or 'ldap://127.0.0.1:389'");
      return null;
    }
    Address parsed;
    try {
      parsed = Address.parse(text, "ldaps");
    } catch (IllegalArgumentException e) {
      node.error("with value '" + text + "' is invalid: " + e.getMessage());
      return null;
    }
    String scheme = parsed.scheme().equals("unix") ? "ldapi" : parsed.scheme();
    return switch (scheme) {
      case "ldap" -> new LdapAddress(scheme, parsed.host(), portOr(parsed, LDAP_PORT), "");
      case "ldaps" -> new LdapAddress(scheme, parsed.host(), portOr(parsed, LDAPS_PORT), "");
      case "ldapi" -> {
        node.error("with value '" + text + "' is a unix socket (ldapi) address, which Gatehouse does not support:"
            + " Java's LDAP clients have no unix sockets; use 'ldap://' or 'ldaps://'");
        yield null;
      }
      default -> {
        node.error("with value '" + text + "' is invalid: scheme must be one of 'ldap', 'ldaps', or 'ldapi' but"
            + " is configured as '" + scheme + "'");
        yield null;
      }
    };
  }

  private static int portOr(Address address, int defaultPort) {
    return address.port() == null ? defaultPort : address.port();
  }

  private static Pooling pooling(ConfigNode node) {
    return new Pooling(node.child("enable").bool(POOLING.enable()),
        positive(node.child("count").integer(POOLING.count()), POOLING.count()),
        positive(node.child("retries").integer(POOLING.retries()), POOLING.retries()),
        node.child("timeout").positiveDuration(POOLING.timeout()));
  }

  /** Authelia's rule for the pool's numbers: below 1 means the default. */
  private static int positive(int configured, int defaultValue) {
    return configured < 1 ? defaultValue : configured;
  }

  private static void checkUsersFilter(ConfigNode node, String filter) {
    if (filter == null || filter.isEmpty()) {
      node.error("is required, e.g. '(&({username_attribute}={input})(objectClass=person))'");
      return;
    }
    checkParentheses(node, filter);
    removedPlaceholder(node, filter, "{0}", "{input}");
    for (String placeholder : List.of("username_attribute", "input")) {
      if (!filter.contains("{" + placeholder + "}")) {
        node.error("must contain the placeholder '{" + placeholder + "}' but it's absent");
      }
    }
  }

  private static void checkGroupsFilter(ConfigNode node, String filter) {
    if (filter == null || filter.isEmpty()) {
      node.error("is required, e.g. '(&(member={dn})(objectClass=groupOfNames))'");
      return;
    }
    checkParentheses(node, filter);
    removedPlaceholder(node, filter, "{0}", "{input}");
    removedPlaceholder(node, filter, "{1}", "{username}");
  }

  private static void checkParentheses(ConfigNode node, String filter) {
    if (!filter.startsWith("(") || !filter.endsWith(")")) {
      node.error("must contain enclosing parenthesis: '" + filter + "' should probably be '(" + filter + ")'");
    }
  }

  private static void removedPlaceholder(ConfigNode node, String filter, String removed, String replacement) {
    if (filter.contains(removed)) {
      node.error("has an invalid placeholder: '" + removed + "' has been removed, please use '" + replacement
          + "' instead");
    }
  }

  /** {@code memberof} needs a memberOf placeholder in the groups filter, and each placeholder its attribute. */
  private static void checkGroupSearch(ConfigNode ldap, GroupSearchMode mode, String groupsFilter,
      Attributes attributes) {
    String filter = groupsFilter == null ? "" : groupsFilter;
    boolean byDn = filter.contains("{memberof:dn}");
    boolean byRdn = filter.contains("{memberof:rdn}");
    if (mode == GroupSearchMode.MEMBER_OF && !byDn && !byRdn) {
      ldap.child("groups_filter").error("must contain one of the '{memberof:rdn}' or '{memberof:dn}' placeholders"
          + " when using a group_search_mode of 'memberof' but they're absent");
    }
    ConfigNode attributesNode = ldap.child("attributes");
    if (byDn && attributes.distinguishedName() == null) {
      attributesNode.child("distinguished_name").error("must be provided when using the '{memberof:dn}'"
          + " placeholder but it's absent");
    }
    if ((byDn || byRdn) && attributes.memberOf() == null) {
      attributesNode.child("member_of").error("must be provided when using the '{memberof:rdn}' or"
          + " '{memberof:dn}' placeholder but it's absent");
    }
  }

  private static void checkServiceAccount(ConfigNode ldap, boolean unauthenticated, String user, String password) {
    if (unauthenticated) {
      if (password != null && !password.isEmpty()) {
        ldap.child("permit_unauthenticated_bind").error("can't be enabled when a password is specified");
      }
      return;
    }
    if (user == null || user.isEmpty()) {
      ldap.child("user").error("is required: the service account's DN, e.g. 'cn=admin,dc=example,dc=com'");
    }
    if (password == null || password.isEmpty()) {
      ldap.child("password").error("is required: the service account's password (or set"
          + " AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD_FILE to a file holding it)");
    }
  }

  private static Attributes attributes(ConfigNode node, Attributes preset) {
    return new Attributes(
        attribute(node, "distinguished_name", preset.distinguishedName()),
        attribute(node, "username", preset.username()),
        attribute(node, "display_name", preset.displayName()),
        attribute(node, "family_name", preset.familyName()), attribute(node, "given_name", preset.givenName()),
        attribute(node, "middle_name", preset.middleName()), attribute(node, "nickname", preset.nickname()),
        attribute(node, "gender", preset.gender()), attribute(node, "birthdate", preset.birthdate()),
        attribute(node, "website", preset.website()), attribute(node, "profile", preset.profile()),
        attribute(node, "picture", preset.picture()), attribute(node, "zoneinfo", preset.zoneinfo()),
        attribute(node, "locale", preset.locale()), attribute(node, "phone_number", preset.phoneNumber()),
        attribute(node, "phone_extension", preset.phoneExtension()),
        attribute(node, "street_address", preset.streetAddress()), attribute(node, "locality", preset.locality()),
        attribute(node, "region", preset.region()), attribute(node, "postal_code", preset.postalCode()),
        attribute(node, "country", preset.country()), attribute(node, "mail", preset.mail()),
        attribute(node, "member_of", preset.memberOf()), attribute(node, "group_name", preset.groupName()),
        extra(node.child("extra")));
  }

  private static String attribute(ConfigNode attributes, String key, String presetValue) {
    String configured = attributes.child(key).string();
    return configured == null || configured.isEmpty() ? presetValue : configured;
  }

  /** Keyed by the directory's attribute name; {@code name} is the one it takes in Gatehouse. */
  private static Map<String, ExtraLdapAttribute> extra(ConfigNode node) {
    Map<String, ExtraLdapAttribute> extra = new LinkedHashMap<>();
    node.entries().forEach((directoryName, attribute) -> {
      String configuredName = attribute.child("name").string();
      String name = configuredName == null || configuredName.isEmpty() ? directoryName : configuredName;
      Optional<ExtraAttribute> type = AuthenticationBackendBinder.extraAttribute(attribute);
      if (UserAttributeNames.STANDARD.contains(name)) {
        attribute.error("attribute name '" + name + "' is reserved");
      } else {
        type.ifPresent(known -> extra.put(directoryName, new ExtraLdapAttribute(name, known)));
      }
    });
    return extra;
  }

  /** The attribute placeholders, filled once: only those of each search remain. */
  private static String fill(String filter, Attributes attributes) {
    if (filter == null) {
      return null;
    }
    return filter.replace("{distinguished_name_attribute}", nonNull(attributes.distinguishedName()))
        .replace("{username_attribute}", nonNull(attributes.username()))
        .replace("{display_name_attribute}", nonNull(attributes.displayName()))
        .replace("{mail_attribute}", nonNull(attributes.mail()))
        .replace("{member_of_attribute}", nonNull(attributes.memberOf()));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
