package dev.gatehouse.ldap;

import static dev.gatehouse.ldap.InMemoryDirectories.AD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.identity.Address;
import dev.gatehouse.identity.User;
import dev.gatehouse.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The activedirectory preset's defaults against an in-memory directory holding AD's attributes. AD's
 * bitwise matching rule for userAccountControl is stood in for by the directory (see InMemoryDirectories).
 */
class ActiveDirectoryShapeTest {

  private static final String BASE_DN = "DC=ad,DC=test";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private static InMemoryDirectoryServer server;

  @BeforeAll
  static void start() throws Exception {
    server = InMemoryDirectories.activeDirectory();
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  private static LdapDirectory directory(TestLdapConfig config) {
    return new LdapDirectory(config.baseDn(BASE_DN).build(), CLOCK, null);
  }

  private static TestLdapConfig activeDirectory() {
    return TestLdapConfig.of(Implementation.ACTIVE_DIRECTORY, server.getListenPort());
  }

  @Test
  void signsInWithTheAccountNameOrTheMailAndReadsTheProfile() {
    try (LdapDirectory directory = directory(activeDirectory())) {
      User jane = directory.authenticate("jdoe", AD_PASSWORD).orElseThrow();

      assertThat(directory.authenticate("jane@ad.test", AD_PASSWORD).map(User::username)).hasValue("jdoe");
      assertThat(jane.displayName()).isEqualTo("Jane Doe");
      assertThat(jane.groups()).containsExactlyInAnyOrder("Admins", "Devs");
      assertThat(jane.givenName()).isEqualTo("Jane");
      assertThat(jane.familyName()).isEqualTo("Doe");
      assertThat(jane.phoneNumber()).isEqualTo("+1 555 0100");
      assertThat(jane.website()).isEqualTo("https://ad.test/~jdoe");
      assertThat(jane.address()).isEqualTo(new Address("1 Main St", "Springfield", null, null, "US"));
    }
  }

  /** Disabled (bit 2), expired before now, must change the password (pwdLastSet=0), not a user account. */
  @ParameterizedTest
  @ValueSource(strings = {"disabled", "expired", "mustchange", "ws01"})
  void theUsersFilterLeavesOutAccountsThatMayNotSignIn(String account) {
    try (LdapDirectory directory = directory(activeDirectory())) {
      assertThat(directory.authenticate(account, AD_PASSWORD)).isEmpty();
      assertThat(directory.find(account)).isEmpty();
    }
  }

  @Test
  void anAccountExpiringLaterSignsInUntilItExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2029-12-31T23:59:00Z"));
    try (LdapDirectory directory = new LdapDirectory(activeDirectory().baseDn(BASE_DN).build(), clock, null)) {
      assertThat(directory.authenticate("contractor", AD_PASSWORD)).isPresent();
      clock.advance(java.time.Duration.ofMinutes(2));
      assertThat(directory.authenticate("contractor", AD_PASSWORD)).isEmpty();
    }
  }

  @Test
  void memberOfModeKeepsOnlyTheGroupsTheUserIsMemberOf() {
    TestLdapConfig byRdn = activeDirectory().memberOfMode("(&(|{memberof:rdn})(objectClass=group))");
    TestLdapConfig byDn = activeDirectory().memberOfMode("(&(|{memberof:dn})(objectClass=group))");
    for (TestLdapConfig config : new TestLdapConfig[] {byRdn, byDn}) {
      try (LdapDirectory directory = directory(config)) {
        // CN=Admins,OU=Other matches (CN=Admins) too, but is not among Jane's memberOf.
        assertThat(directory.find("jdoe").orElseThrow().groups()).containsExactlyInAnyOrder("Admins", "Devs");
        assertThat(directory.find("contractor").orElseThrow().groups()).isEmpty();
      }
    }
  }
}
