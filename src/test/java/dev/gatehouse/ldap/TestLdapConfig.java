package dev.gatehouse.ldap;

import dev.gatehouse.config.schema.LdapBackendConfig.Attributes;
import dev.gatehouse.config.schema.LdapBackendConfig.ExtraLdapAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig.GroupSearchMode;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.LdapBackendConfig.LdapAddress;
import dev.gatehouse.config.schema.LdapBackendConfig.Pooling;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.config.schema.LdapPreset;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.TlsVersion;
import java.time.Duration;
import java.util.Map;

/**
 * Builds {@link LdapBackendConfig} as the binder does: the implementation's defaults ({@link LdapPreset}),
 * then the attribute placeholders of both filters filled in.
 */
public final class TestLdapConfig {

  public static final String SERVICE_DN = "cn=admin,dc=example,dc=com";
  public static final String SERVICE_PASSWORD = "service-secret";

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

  /** An implementation's defaults (the binder's {@link LdapPreset}), against {@code ldap://127.0.0.1:port}. */
  static TestLdapConfig of(Implementation implementation, int port) {
    LdapPreset preset = LdapPreset.of(implementation);
    TestLdapConfig config = new TestLdapConfig(implementation).address("ldap", port);
    config.usersFilter = preset.usersFilter();
    config.groupsFilter = preset.groupsFilter();
    config.additionalUsersDn = preset.additionalUsersDn() == null ? "" : preset.additionalUsersDn();
    config.additionalGroupsDn = preset.additionalGroupsDn() == null ? "" : preset.additionalGroupsDn();
    config.attributes = preset.attributes();
    return config;
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
