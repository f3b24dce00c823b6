package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.Map;

/**
 * {@code authentication_backend.ldap}, as the binder leaves it: the implementation's defaults applied,
 * the attribute placeholders ({@code {username_attribute}}, {@code {mail_attribute}}, ...) of both
 * filters already filled in, so that only the per-search ones ({@code {input}}, {@code {username}},
 * {@code {dn}}, {@code {memberof:dn}}, {@code {memberof:rdn}}, {@code {date-time:*}}) remain.
 *
 * @param address where the directory listens
 * @param tls TLS for {@code ldaps://} and StartTLS; {@code serverName} defaults to the address's host
 * @param additionalUsersDn "" when not set; searches for users run under it joined to {@code baseDn}
 * @param additionalGroupsDn "" when not set
 * @param user the service account's DN; null with {@code permitUnauthenticatedBind}
 * @param password the service account's password (from {@code password} or its {@code _FILE}); null when
 *     unauthenticated binds are permitted
 */
public record LdapBackendConfig(
    LdapAddress address,
    Implementation implementation,
    Duration timeout,
    boolean startTls,
    SessionConfig.Tls tls,
    Pooling pooling,
    String baseDn,
    String additionalUsersDn,
    String usersFilter,
    String additionalGroupsDn,
    String groupsFilter,
    GroupSearchMode groupSearchMode,
    Attributes attributes,
    boolean permitReferrals,
    boolean permitUnauthenticatedBind,
    boolean permitFeatureDetectionFailure,
    String user,
    String password) {

  /** Leaves the password out, so that logging the configuration never writes it. */
  @Override
  public String toString() {
    return "LdapBackendConfig[address=" + address + ", implementation=" + implementation + ", baseDn=" + baseDn
        + ", user=" + user + "]";
  }

  /**
   * {@code ldap://host:389}, {@code ldaps://host:636} or {@code ldapi:///path/to/socket}.
   *
   * @param port the scheme's default when the address gives none; 0 for ldapi
   * @param path the socket path for ldapi, "" otherwise
   */
  public record LdapAddress(String scheme, String host, int port, String path) {

    public boolean isLdaps() {
      return scheme.equals("ldaps");
    }

    @Override
    public String toString() {
      return scheme.equals("ldapi") ? "ldapi://" + path : scheme + "://" + host + ":" + port;
    }
  }

  /** Authelia's {@code implementation} values; each decides the defaults of filters and attributes. */
  public enum Implementation implements ConfiguredName {
    CUSTOM("custom"), ACTIVE_DIRECTORY("activedirectory"), RFC2307BIS("rfc2307bis"), FREEIPA("freeipa"),
    LLDAP("lldap"), GLAUTH("glauth");

    private final String configured;

    Implementation(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }

  /** {@code group_search_mode}. */
  public enum GroupSearchMode implements ConfiguredName {
    FILTER("filter"), MEMBER_OF("memberof");

    private final String configured;

    GroupSearchMode(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }

  /**
   * {@code pooling}: Authelia's defaults are off, 5 connections, 2 retries and a 10 second wait.
   */
  public record Pooling(boolean enable, int count, int retries, Duration timeout) {
  }

  /**
   * {@code attributes}: the directory attribute holding each user or group property, with the
   * implementation's defaults applied; null where neither the configuration nor the implementation
   * names one (that property is then not read).
   *
   * @param extra the {@code extra} attributes by directory attribute name: the name they take in
   *     Gatehouse (the entry's {@code name}, or the key) and their type
   */
  public record Attributes(
      String distinguishedName,
      String username,
      String displayName,
      String familyName,
      String givenName,
      String middleName,
      String nickname,
      String gender,
      String birthdate,
      String website,
      String profile,
      String picture,
      String zoneinfo,
      String locale,
      String phoneNumber,
      String phoneExtension,
      String streetAddress,
      String locality,
      String region,
      String postalCode,
      String country,
      String mail,
      String memberOf,
      String groupName,
      Map<String, ExtraLdapAttribute> extra) {

    public Attributes {
      extra = Map.copyOf(extra);
    }
  }

  /** One {@code attributes.extra} entry: the name the attribute takes in Gatehouse, and its type. */
  public record ExtraLdapAttribute(String name, ExtraAttribute type) {
  }
}
