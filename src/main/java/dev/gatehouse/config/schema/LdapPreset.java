package dev.gatehouse.config.schema;

import dev.gatehouse.config.schema.LdapBackendConfig.Attributes;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import java.time.Duration;
import java.util.Map;

/**
 * The defaults an LDAP {@code implementation} gives, Authelia 4.39's
 * {@code DefaultLDAPAuthenticationBackendConfigurationImplementation*}: the filters, the additional DNs, the
 * timeout and the attributes; a value configured wins. Null where the implementation has no default. (Authelia's
 * validator copies only the attributes it needs to sign in from these; the profile attributes its
 * documentation promises for Active Directory and FreeIPA are applied here too.)
 */
public record LdapPreset(
    String additionalUsersDn,
    String usersFilter,
    String additionalGroupsDn,
    String groupsFilter,
    Duration timeout,
    Attributes attributes) {

  /** Every implementation but {@code custom} lets a user sign in with the username or the mail address. */
  private static final String USERNAME_OR_MAIL = "(|({username_attribute}={input})({mail_attribute}={input}))";
  private static final Duration PRESET_TIMEOUT = Duration.ofSeconds(5);

  public static final LdapPreset CUSTOM = new LdapPreset(null, null, null, null, Duration.ofSeconds(20),
      names(null, "uid", "displayName", null));
  public static final LdapPreset ACTIVE_DIRECTORY = new LdapPreset(null,
      "(&" + USERNAME_OR_MAIL + "(sAMAccountType=805306368)(!(userAccountControl:1.2.840.113556.1.4.803:=2))"
          + "(!(pwdLastSet=0))(|(!(accountExpires=*))(accountExpires=0)(accountExpires>={date-time:microsoft-nt})))",
      null, "(&(member={dn})(|(sAMAccountType=268435456)(sAMAccountType=536870912)))", PRESET_TIMEOUT,
      new Attributes("distinguishedName", "sAMAccountName", "displayName", "sn", "givenName", "middleName", null,
          null, null, "wWWHomePage", null, null, null, null, "telephoneNumber", null, "streetAddress", "l", "st",
          "postalCode", "c", "mail", "memberOf", "cn", Map.of()));
  public static final LdapPreset RFC2307BIS = new LdapPreset(null,
      "(&" + USERNAME_OR_MAIL + "(|(objectClass=inetOrgPerson)(objectClass=organizationalPerson)))", null,
      "(&(|(member={dn})(uniqueMember={dn}))(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)"
          + "(objectClass=groupOfMembers))(!(pwdReset=TRUE)))", PRESET_TIMEOUT,
      names(null, "uid", "displayName", "memberOf"));
  public static final LdapPreset FREEIPA = new LdapPreset(null,
      "(&" + USERNAME_OR_MAIL + "(objectClass=person)(!(nsAccountLock=TRUE))"
          + "(krbPasswordExpiration>={date-time:generalized})"
          + "(|(!(krbPrincipalExpiration=*))(krbPrincipalExpiration>={date-time:generalized})))",
      null, "(&(member={dn})(objectClass=groupOfNames))", PRESET_TIMEOUT,
      new Attributes(null, "uid", "displayName", "sn", "givenName", null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, "mail", "memberOf", "cn", Map.of()));
  public static final LdapPreset LLDAP = new LdapPreset("OU=people",
      "(&" + USERNAME_OR_MAIL + "(objectClass=person))", "OU=groups",
      "(&(member={dn})(objectClass=groupOfUniqueNames))", PRESET_TIMEOUT, names(null, "uid", "cn", "memberOf"));
  public static final LdapPreset GLAUTH = new LdapPreset(null,
      "(&" + USERNAME_OR_MAIL + "(objectClass=posixAccount)(!(accountStatus=inactive)))", null,
      "(&(uniqueMember={dn})(objectClass=posixGroup))", PRESET_TIMEOUT,
      names(null, "cn", "description", "memberOf"));

  /** The attributes every implementation names: mail from {@code mail}, group names from {@code cn}. */
  private static Attributes names(String distinguishedName, String username, String displayName, String memberOf) {
    return new Attributes(distinguishedName, username, displayName, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, "mail", memberOf, "cn", Map.of());
  }

  public static LdapPreset of(Implementation implementation) {
    return switch (implementation) {
      case CUSTOM -> CUSTOM;
      case ACTIVE_DIRECTORY -> ACTIVE_DIRECTORY;
      case RFC2307BIS -> RFC2307BIS;
      case FREEIPA -> FREEIPA;
      case LLDAP -> LLDAP;
      case GLAUTH -> GLAUTH;
    };
  }
}
