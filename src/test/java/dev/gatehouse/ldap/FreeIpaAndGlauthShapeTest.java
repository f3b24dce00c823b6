package dev.gatehouse.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.identity.User;
import dev.gatehouse.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The freeipa and glauth presets' defaults against an in-memory directory with their account attributes.
 * Without FreeIPA's schema the server orders krbPasswordExpiration as text, which for generalized times of
 * one length is their order in time.
 */
class FreeIpaAndGlauthShapeTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private static InMemoryDirectoryServer server;

  @BeforeAll
  static void start() throws Exception {
    server = InMemoryDirectories.freeIpaAndGlauth();
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  private static LdapDirectory directory(Implementation implementation) {
    return new LdapDirectory(TestLdapConfig.of(implementation, server.getListenPort()).build(), CLOCK, null);
  }

  @Test
  void freeIpaSignsInWithTheUidOrTheMail() {
    try (LdapDirectory directory = directory(Implementation.FREEIPA)) {
      User user = directory.authenticate("ipauser@example.com", "ipa-password").orElseThrow();

      assertThat(user.username()).isEqualTo("ipauser");
      assertThat(user.givenName()).isEqualTo("IPA");
      assertThat(user.groups()).containsExactly("admins");
    }
  }

  /** Locked, password expired before now, principal expired before now. */
  @ParameterizedTest
  @ValueSource(strings = {"ipalocked", "ipastale", "ipaleaver"})
  void freeIpaLeavesOutAccountsThatMayNotSignIn(String uid) {
    try (LdapDirectory directory = directory(Implementation.FREEIPA)) {
      assertThat(directory.authenticate(uid, "ipa-password")).isEmpty();
    }
  }

  @Test
  void glauthNamesUsersByCnAndDescribesThem() {
    try (LdapDirectory directory = directory(Implementation.GLAUTH)) {
      User user = directory.authenticate("hackers@example.com", "glauth-password").orElseThrow();

      assertThat(user.username()).isEqualTo("hackers");
      assertThat(user.displayName()).isEqualTo("Hackers United");
      assertThat(user.groups()).containsExactly("superheros");
      assertThat(directory.authenticate("gone", "glauth-password")).isEmpty();
    }
  }
}
