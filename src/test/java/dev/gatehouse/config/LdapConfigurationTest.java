package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.config.schema.LdapBackendConfig.GroupSearchMode;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.LdapBackendConfig.LdapAddress;
import dev.gatehouse.config.schema.LdapBackendConfig.Pooling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code authentication_backend.ldap}: Authelia 4.39's implementations, defaults, checks and texts. */
class LdapConfigurationTest {

  /** {@link Fixtures#MINIMAL} without its file backend. */
  private static final String WITHOUT_BACKEND = MINIMAL.substring(MINIMAL.indexOf("storage:"));
  private static final String SERVICE_ACCOUNT = """
      user: 'uid=admin,ou=people,dc=example,dc=com'
      password: 'service-password'
      """;

  private static LoadResult ldap(String yaml) {
    return ldap(Map.of(), yaml);
  }

  private static LoadResult ldap(Map<String, String> environment, String yaml) {
    return load(environment, WITHOUT_BACKEND + "authentication_backend:\n  ldap:\n" + yaml.stripIndent().indent(4));
  }

  @Test
  void lldapsPresetFillsFiltersDnsAndAttributesAndEveryKeyIsRead() {
    LoadResult result = ldap("""
        address: 'ldap://lldap:3890'
        implementation: 'lldap'
        base_dn: 'DC=example,DC=com'
        """ + SERVICE_ACCOUNT);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    LdapBackendConfig ldap = result.configuration().authenticationBackend().ldap();
    assertThat(ldap.address()).isEqualTo(new LdapAddress("ldap", "lldap", 3890, ""));
    assertThat(ldap.additionalUsersDn()).isEqualTo("OU=people");
    assertThat(ldap.additionalGroupsDn()).isEqualTo("OU=groups");
    assertThat(ldap.usersFilter()).isEqualTo("(&(|(uid={input})(mail={input}))(objectClass=person))");
    assertThat(ldap.groupsFilter()).isEqualTo("(&(member={dn})(objectClass=groupOfUniqueNames))");
    assertThat(ldap.attributes().displayName()).isEqualTo("cn");
    assertThat(ldap.attributes().memberOf()).isEqualTo("memberOf");
    assertThat(ldap.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(ldap.pooling()).isEqualTo(new Pooling(false, 5, 2, Duration.ofSeconds(10)));
    assertThat(ldap.tls().serverName()).as("the address's host").isEqualTo("lldap");
    assertThat(result.configuration().authenticationBackend().refreshInterval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void activeDirectorysPresetSearchesBySamAccountNameOrMailAndLeavesDisabledAccountsOut() {
    LoadResult result = ldap("""
        address: 'ldaps://dc1.example.com'
        implementation: 'activedirectory'
        base_dn: 'DC=example,DC=com'
        """ + SERVICE_ACCOUNT);

    LdapBackendConfig ldap = result.configuration().authenticationBackend().ldap();
    assertThat(ldap.address()).isEqualTo(new LdapAddress("ldaps", "dc1.example.com", 636, ""));
    assertThat(ldap.usersFilter()).startsWith("(&(|(sAMAccountName={input})(mail={input}))(sAMAccountType=805306368)"
        + "(!(userAccountControl:1.2.840.113556.1.4.803:=2))").contains("{date-time:microsoft-nt}");
    assertThat(ldap.attributes().distinguishedName()).isEqualTo("distinguishedName");
    assertThat(ldap.attributes().username()).isEqualTo("sAMAccountName");
  }

  @Test
  void customNeedsItsFiltersAndAServiceAccountAndSaysSoAsAutheliaDoes() {
    LoadResult result = ldap("""
        address: 'ldap://127.0.0.1'
        """);

    assertThat(result.errors()).containsExactly(
        "authentication_backend.ldap.users_filter: is required, e.g."
            + " '(&({username_attribute}={input})(objectClass=person))'",
        "authentication_backend.ldap.groups_filter: is required, e.g. '(&(member={dn})(objectClass=groupOfNames))'",
        "authentication_backend.ldap.user: is required: the service account's DN, e.g. 'cn=admin,dc=example,dc=com'",
        "authentication_backend.ldap.password: is required: the service account's password (or set"
            + " AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD_FILE to a file holding it)");
    assertThat(ldap("address: 'ldap://127.0.0.1'\nimplementation: 'lldap'\n" + SERVICE_ACCOUNT)
        .configuration().authenticationBackend().ldap().baseDn())
        .as("optional since Authelia 4.39: the searches start at the root").isEmpty();
  }

  @Test
  void filtersAndOptionsThatDoNotGoTogetherAreNamed() {
    LoadResult result = ldap("""
        address: 'http://ldap.example.com'
        base_dn: 'dc=example,dc=com'
        users_filter: 'uid={0}'
        groups_filter: '(member={1})'
        group_search_mode: 'memberof'
        permit_unauthenticated_bind: true
        password: 'given anyway'
        """);

    assertThat(result.errors()).containsExactly(
        "authentication_backend.ldap.address: with value 'http://ldap.example.com' is invalid: scheme must be one"
            + " of 'ldap', 'ldaps', or 'ldapi' but is configured as 'http'",
        "authentication_backend.ldap.users_filter: must contain enclosing parenthesis: 'uid={0}' should probably"
            + " be '(uid={0})'",
        "authentication_backend.ldap.users_filter: has an invalid placeholder: '{0}' has been removed, please use"
            + " '{input}' instead",
        "authentication_backend.ldap.users_filter: must contain the placeholder '{username_attribute}' but it's"
            + " absent",
        "authentication_backend.ldap.users_filter: must contain the placeholder '{input}' but it's absent",
        "authentication_backend.ldap.groups_filter: has an invalid placeholder: '{1}' has been removed, please use"
            + " '{username}' instead",
        "authentication_backend.ldap.groups_filter: must contain one of the '{memberof:rdn}' or '{memberof:dn}'"
            + " placeholders when using a group_search_mode of 'memberof' but they're absent",
        "authentication_backend.ldap.permit_unauthenticated_bind: can't be enabled when a password is specified");
  }

  @Test
  void aUnixSocketAddressIsRefusedWithTheReason() {
    LoadResult result = ldap("address: '/var/run/slapd/ldapi'\nimplementation: 'lldap'\nbase_dn: 'dc=example,dc=com'\n"
        + SERVICE_ACCOUNT);

    assertThat(result.errors()).containsExactly("authentication_backend.ldap.address: with value"
        + " '/var/run/slapd/ldapi' is a unix socket (ldapi) address, which Gatehouse does not support: Java's LDAP"
        + " clients have no unix sockets; use 'ldap://' or 'ldaps://'");
  }

  @Test
  void memberOfByDnNeedsTheDistinguishedNameAttribute() {
    LoadResult result = ldap("""
        address: 'ldaps://ldap.example.com'
        implementation: 'rfc2307bis'
        base_dn: 'dc=example,dc=com'
        group_search_mode: 'memberof'
        groups_filter: '(&(|({memberof:dn}))(objectClass=groupOfNames))'
        """ + SERVICE_ACCOUNT);

    assertThat(result.errors()).containsExactly("authentication_backend.ldap.attributes.distinguished_name: must be"
        + " provided when using the '{memberof:dn}' placeholder but it's absent");
  }

  @Test
  void theServicePasswordComesFromAFileNamedByTheEnvironment(@TempDir Path directory) throws Exception {
    Path secret = Files.writeString(directory.resolve("ldap-password"), "from-a-file\n");

    LoadResult result = ldap(Map.of("AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD_FILE", secret.toString()), """
        address: 'ldaps://ldap.example.com'
        implementation: 'lldap'
        base_dn: 'dc=example,dc=com'
        user: 'uid=admin,ou=people,dc=example,dc=com'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().authenticationBackend().ldap().password()).isEqualTo("from-a-file");
    assertThat(result.configuration().authenticationBackend().ldap().toString()).doesNotContain("from-a-file");
  }

  @Test
  void extraAttributesTakeTheirGatehouseNameAndTheReservedOnesAreRefused() {
    LoadResult result = ldap("""
        address: 'ldaps://ldap.example.com'
        implementation: 'lldap'
        base_dn: 'dc=example,dc=com'
        attributes:
          extra:
            employeeNumber:
              name: 'employee_number'
              value_type: 'integer'
            cn:
              name: 'email'
              value_type: 'string'
            departmentNumber:
              value_type: 'list'
        """ + SERVICE_ACCOUNT);

    assertThat(result.errors()).containsExactly(
        "authentication_backend.ldap.attributes.extra.cn: attribute name 'email' is reserved",
        "authentication_backend.ldap.attributes.extra.departmentNumber.value_type: option 'value_type' must be one"
            + " of 'string', 'integer', or 'boolean' but it's configured as 'list'");
  }

  @Test
  void fileAndLdapTogetherOrNeitherAreRefused() {
    LoadResult both = load(MINIMAL.replace("authentication_backend:\n", """
        authentication_backend:
          ldap:
            address: 'ldap://127.0.0.1'
        """));
    LoadResult neither = load(WITHOUT_BACKEND + "authentication_backend:\n  refresh_interval: '1m'\n");

    assertThat(both.errors()).containsExactly(
        "authentication_backend: please ensure only one of the 'file' or 'ldap' backend is configured");
    assertThat(neither.errors()).containsExactly(
        "authentication_backend: you must ensure either the 'file' or 'ldap' authentication backend is configured");
  }

  @ParameterizedTest
  @CsvSource({"always, PT0S", "10m, PT10M", "'1 hour', PT1H"})
  void refreshIntervalIsAlwaysOrADuration(String configured, Duration expected) {
    LoadResult result = load(MINIMAL.replace("  file:\n", "  refresh_interval: '" + configured + "'\n  file:\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().authenticationBackend().refreshInterval()).isEqualTo(expected);
  }

  @Test
  void refreshIntervalDisableKeepsDetailsAndNonsenseIsNamed() {
    LoadResult disabled = load(MINIMAL.replace("  file:\n", "  refresh_interval: 'disable'\n  file:\n"));
    LoadResult nonsense = load(MINIMAL.replace("  file:\n", "  refresh_interval: 'sometimes'\n  file:\n"));

    assertThat(disabled.configuration().authenticationBackend().refreshInterval()).isNull();
    assertThat(nonsense.errors()).containsExactly("authentication_backend.refresh_interval: is configured to"
        + " 'sometimes' but it must be either in duration common syntax or one of 'disable', or 'always'");
  }

  @Test
  void everyImplementationIsKnownAndAnotherNamed() {
    for (Implementation implementation : Implementation.values()) {
      LoadResult result = ldap("address: 'ldaps://ldap.example.com'\nimplementation: '" + implementation.configured()
          + "'\nbase_dn: 'dc=example,dc=com'\nusers_filter: '(&({username_attribute}={input}))'\n"
          + "groups_filter: '(member={dn})'\n" + SERVICE_ACCOUNT);
      assertThat(result.errors()).as(implementation.configured()).isEmpty();
      assertThat(result.configuration().authenticationBackend().ldap().groupSearchMode())
          .isEqualTo(GroupSearchMode.FILTER);
    }
    assertThat(ldap("address: 'ldaps://x'\nimplementation: 'openldap'\n").errors()).contains(
        "authentication_backend.ldap.implementation: must be one of 'custom', 'activedirectory', 'rfc2307bis',"
            + " 'freeipa', 'lldap', or 'glauth' but it's configured as 'openldap'");
  }
}
