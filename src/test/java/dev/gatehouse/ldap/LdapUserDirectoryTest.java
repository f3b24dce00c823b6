package dev.gatehouse.ldap;

import static dev.gatehouse.ldap.InMemoryDirectories.JOHN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.User;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * authentication_backend.refresh_interval: a user's details are asked of the directory again once older
 * than the interval, so a disabled account or a changed group is seen within it, and not at every request.
 */
class LdapUserDirectoryTest {

  private static final String JOHN_DN = "uid=john,ou=people,dc=example,dc=com";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private InMemoryDirectoryServer server;

  @BeforeEach
  void start() throws Exception {
    server = InMemoryDirectories.lldap();
  }

  @AfterEach
  void stop() {
    server.shutDown(true);
  }

  @Test
  void detailsAreReadAgainOnceOlderThanTheRefreshInterval() throws Exception {
    try (LdapUserDirectory users = open(Duration.ofMinutes(5))) {
      User john = users.authenticate("john@example.com", JOHN_PASSWORD).orElseThrow();
      assertThat(john.username()).as("the username, not the mail address typed").isEqualTo("john");
      assertThat(john.password()).as("the directory checks passwords; none is kept").isNull();

      leaveGroup("admins");
      clock.advance(Duration.ofMinutes(4));
      assertThat(users.find("john").orElseThrow().groups()).as("within the interval").contains("admins");

      clock.advance(Duration.ofMinutes(2));
      assertThat(users.find("john").orElseThrow().groups()).as("after it").containsExactly("dev");

      server.delete(JOHN_DN);
      clock.advance(Duration.ofMinutes(6));
      assertThat(users.find("john")).as("an account gone from the directory").isEmpty();
    }
  }

  @Test
  void alwaysAsksAtEveryRequestAndDisableNeverAgain() throws Exception {
    try (LdapUserDirectory always = open(Duration.ZERO); LdapUserDirectory never = open(null)) {
      always.find("john").orElseThrow();
      never.find("john").orElseThrow();

      leaveGroup("admins");

      assertThat(always.find("john").orElseThrow().groups()).containsExactly("dev");
      clock.advance(Duration.ofDays(30));
      assertThat(never.find("john").orElseThrow().groups()).contains("admins");
    }
  }

  @Test
  void aDirectoryThatIsDownIsReportedAsSuchNotAsAWrongPassword() throws Exception {
    try (LdapUserDirectory users = open(Duration.ZERO)) {
      users.checkReachable();
      server.shutDown(true);

      assertThatThrownBy(() -> users.authenticate("john", JOHN_PASSWORD))
          .isInstanceOf(DirectoryUnavailableException.class);
      assertThatThrownBy(users::checkReachable).isInstanceOf(DirectoryUnavailableException.class);

      server.startListening();
      assertThat(users.authenticate("john", JOHN_PASSWORD)).isPresent();
    }
  }

  @Test
  void anInputTypedAnotherWayIsRegulatedAsTheUserItFinds() {
    try (LdapUserDirectory users = open(Duration.ofMinutes(5))) {
      assertThat(users.regulatedName("JOHN")).as("the directory matches uid without case").isEqualTo("john");
      assertThat(users.regulatedName("john@example.com")).isEqualTo("john");
      assertThat(users.regulatedName("nobody")).isEqualTo("nobody");
      assertThat(users.regulatedName("*)(uid=*")).isEqualTo("*)(uid=*");

      server.shutDown(true);
      assertThat(users.regulatedName("john@example.com")).as("the directory down").isEqualTo("john@example.com");
    }
  }

  private LdapUserDirectory open(Duration refreshInterval) {
    return LdapUserDirectory.open(LldapDirectoryTest.lldap(server.getListenPort()), refreshInterval, null, clock);
  }

  private void leaveGroup(String group) throws Exception {
    server.modify("cn=" + group + ",ou=groups,dc=example,dc=com",
        new Modification(ModificationType.DELETE, "member", JOHN_DN));
  }
}
