package dev.gatehouse.ldap;

import dev.gatehouse.config.schema.LdapBackendConfig.Attributes;
import dev.gatehouse.config.schema.LdapBackendConfig.ExtraLdapAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig.GroupSearchMode;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.LdapBackendConfig.LdapAddress;
import dev.gatehouse.config.schema.LdapBackendConfig.Pooling;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.TlsVersion;
import java.time.Duration;
import java.util.Map;

/**
 * Builds {@link LdapBackendConfig} as the binder will: the implementation's defaults from Authelia 4.39's
 * {@code schema.DefaultLDAPAuthenticationBackendConfigurationImplementation*}, then the attribute
 * placeholders of both filters filled in.
 */
final class TestLdapConfig {

  static final String SERVICE_DN = "cn=admin,dc=example,dc=com";
  static final String SERVICE_PASSWORD = "service-secret";

  private final Implementation implementation;
  private LdapAddress address;
  private String baseDn = "dc=example,dc=com";
  private String usersFilter;
  private String groupsFilter;
  private String additionalUsersDn = "";
  private String additionalGroupsDn = "";
  private Attributes attributes;
  private GroupSearchMode mode = GroupSearchMode.FILTER;
  private Pooling pooling = new Pooling(false, 5, 2, Duration.ofSeconds(10));
  private Duration timeout = Duration.ofSeconds(5);
  private boolean startTls;
  private boolean permitReferrals;
  private SessionConfig.Tls tls;
  private String user = SERVICE_DN;
  private String password = SERVICE_PASSWORD;

  private TestLdapConfig(Implementation implementation) {
    this.implementation = implementation;
  }

  /** An implementation's defaults, against {@code ldap://127.0.0.1:port}. */
  static TestLdapConfig of(Implementation implementation, int port) {
    TestLdapConfig config = new TestLdapConfig(implementation).address("ldap", port);
    switch (implementation) {
      case CUSTOM -> config.attributes = attributes(null, "uid", "displayName", "mail", null, Map.of());
      case LLDAP -> {
        config.usersFilter = "(&(|({username_attribute}={input})({mail_attribute}={input}))(objectClass=person))";
        config.groupsFilter = "(&(member={dn})(objectClass=groupOfUniqueNames))";
        config.additionalUsersDn = "OU=people";
        config.additionalGroupsDn = "OU=groups";
        config.attributes = attributes(null, "uid", "cn", "mail", "memberOf", Map.of());
      }
      case RFC2307BIS -> {
        config.usersFilter = "(&(|({username_attribute}={input})({mail_attribute}={input}))"
            + "(|(objectClass=inetOrgPerson)(objectClass=organizationalPerson)))";
        config.groupsFilter = "(&(|(member={dn})(uniqueMember={dn}))(|(objectClass=groupOfNames)"
            + "(objectClass=groupOfUniqueNames)(objectClass=groupOfMembers))(!(pwdReset=TRUE)))";
        config.attributes = attributes(null, "uid", "displayName", "mail", "memberOf", Map.of());
      }
      case ACTIVE_DIRECTORY -> {
        config.usersFilter = "(&(|({username_attribute}={input})({mail_attribute}={input}))"
            + "(sAMAccountType=805306368)(!(userAccountControl:1.2.840.113556.1.4.803:=2))(!(pwdLastSet=0))"
            + "(|(!(accountExpires=*))(accountExpires=0)(accountExpires>={date-time:microsoft-nt})))";
        config.groupsFilter = "(&(member={dn})(|(sAMAccountType=268435456)(sAMAccountType=536870912)))";
        config.attributes = activeDirectoryAttributes();
      }
      case FREEIPA -> {
        config.usersFilter = "(&(|({username_attribute}={input})({mail_attribute}={input}))(objectClass=person)"
            + "(!(nsAccountLock=TRUE))(krbPasswordExpiration>={date-time:generalized})"
            + "(|(!(krbPrincipalExpiration=*))(krbPrincipalExpiration>={date-time:generalized})))";
        config.groupsFilter = "(&(member={dn})(objectClass=groupOfNames))";
        config.attributes = new Attributes(null, "uid", "displayName", "sn", "givenName", null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, "mail", "memberOf", "cn",
            Map.of());
      }
      case GLAUTH -> {
        config.usersFilter = "(&(|({username_attribute}={input})({mail_attribute}={input}))"
            + "(objectClass=posixAccount)(!(accountStatus=inactive)))";
        config.groupsFilter = "(&(uniqueMember={dn})(objectClass=posixGroup))";
        config.attributes = attributes(null, "cn", "description", "mail", "memberOf", Map.of());
      }
    }
    return config;
  }

  private static Attributes activeDirectoryAttributes() {
    return new Attributes("distinguishedName", "sAMAccountName", "displayName", "sn", "givenName", "middleName",
        null, null, null, "wWWHomePage", null, null, null, null, "telephoneNumber", null, "streetAddress", "l",
        "st", "postalCode", "c", "mail", "memberOf", "cn", Map.of());
  }

  static Attributes attributes(String dn, String username, String displayName, String mail, String memberOf,
      Map<String, ExtraLdapAttribute> extra) {
    return new Attributes(dn, username, displayName, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, mail, memberOf, "cn", extra);
  }

  TestLdapConfig address(String scheme, int port) {
    this.address = new LdapAddress(scheme, "127.0.0.1", port, "");
    return this;
  }

  TestLdapConfig baseDn(String baseDn) {
    this.baseDn = baseDn;
    return this;
  }

  TestLdapConfig filters(String usersFilter, String groupsFilter) {
    this.usersFilter = usersFilter;
    this.groupsFilter = groupsFilter;
    return this;
  }

  TestLdapConfig attributes(Attributes attributes) {
    this.attributes = attributes;
    return this;
  }

  TestLdapConfig memberOfMode(String groupsFilter) {
    this.mode = GroupSearchMode.MEMBER_OF;
    this.groupsFilter = groupsFilter;
    return this;
  }

  TestLdapConfig pooled(int count, int retries, Duration timeout) {
    this.pooling = new Pooling(true, count, retries, timeout);
    return this;
  }

  TestLdapConfig skipVerify() {
    this.tls = new SessionConfig.Tls(null, true, TlsVersion.TLS_1_2, null);
    return this;
  }

  TestLdapConfig timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  TestLdapConfig tls(String serverName, boolean startTls) {
    return tls(serverName, startTls, TlsVersion.TLS_1_2, null);
  }

  TestLdapConfig tls(String serverName, boolean startTls, TlsVersion minimum, TlsVersion maximum) {
    this.tls = new SessionConfig.Tls(serverName, false, minimum, maximum);
    this.startTls = startTls;
    return this;
  }

  TestLdapConfig permitReferrals() {
    this.permitReferrals = true;
    return this;
  }

  TestLdapConfig serviceAccount(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  LdapBackendConfig build() {
    return new LdapBackendConfig(address, implementation, timeout, startTls,
        tls == null ? new SessionConfig.Tls(address.host(), false, TlsVersion.TLS_1_2, null) : tls, pooling,
        baseDn, additionalUsersDn, fill(usersFilter), additionalGroupsDn, fill(groupsFilter), mode, attributes,
        permitReferrals, password == null, false, user, password);
  }

  /** The binder's load-time step: the attribute placeholders. */
  private String fill(String filter) {
    return filter.replace("{username_attribute}", attributes.username())
        .replace("{mail_attribute}", attributes.mail())
        .replace("{display_name_attribute}", attributes.displayName())
        .replace("{distinguished_name_attribute}", String.valueOf(attributes.distinguishedName()))
        .replace("{member_of_attribute}", String.valueOf(attributes.memberOf()));
  }
}
