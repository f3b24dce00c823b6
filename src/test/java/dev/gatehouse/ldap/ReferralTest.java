package dev.gatehouse.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.identity.DirectoryUnavailableException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code permit_referrals}: a directory whose ou=people and ou=groups refer to another server. Permitted, searches
 * follow the referrals; not permitted, the directory cannot answer.
 */
class ReferralTest {

  private static InMemoryDirectoryServer people;
  private static InMemoryDirectoryServer referring;

  @BeforeAll
  static void start() throws Exception {
    people = InMemoryDirectories.lldap();
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.addAdditionalBindCredentials(TestLdapConfig.SERVICE_DN, TestLdapConfig.SERVICE_PASSWORD);
    referring = new InMemoryDirectoryServer(config);
    referring.startListening();
    referring.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
    refer("people");
    refer("groups");
  }

  private static void refer(String ou) throws Exception {
    String dn = "ou=" + ou + ",dc=example,dc=com";
    referring.add("dn: " + dn, "objectClass: referral", "objectClass: extensibleObject", "ou: " + ou,
        "ref: ldap://127.0.0.1:" + people.getListenPort() + "/" + dn);
  }

  @AfterAll
  static void stop() {
    referring.shutDown(true);
    people.shutDown(true);
  }

  @Test
  void aPermittedReferralIsFollowed() {
    TestLdapConfig config = TestLdapConfig.of(Implementation.LLDAP, referring.getListenPort()).permitReferrals();
    try (LdapDirectory directory = new LdapDirectory(config.build(), Clock.systemUTC(), null)) {
      assertThat(directory.find("john")).hasValueSatisfying(john -> {
        assertThat(john.username()).isEqualTo("john");
        assertThat(john.groups()).containsExactlyInAnyOrder("admins", "dev");
      });
    }
  }

  @Test
  void aReferralNotPermittedIsNoAnswer() {
    TestLdapConfig config = TestLdapConfig.of(Implementation.LLDAP, referring.getListenPort());
    try (LdapDirectory directory = new LdapDirectory(config.build(), Clock.systemUTC(), null)) {
      assertThatThrownBy(() -> directory.find("john"))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageContaining("referral");
    }
  }
}
