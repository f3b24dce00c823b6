package dev.gatehouse.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.TlsVersion;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.User;
import dev.gatehouse.proxy.ThrowawayCa;
import dev.gatehouse.testing.TemporarySlapd.Setup;
import dev.gatehouse.testing.TemporarySlapd.Tls;
import dev.gatehouse.testing.TemporarySlapd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The custom and rfc2307bis presets against a real OpenLDAP slapd, over ldap://, ldaps:// and StartTLS. */
class SlapdDirectoryTest {

  private static final String JOHN_PASSWORD = "john-password";
  private static final Setup PLAIN = Setup.of("core", "cosine", "inetorgperson", "nis");

  @TempDir
  static Path certificates;
  private static ThrowawayCa ca;
  private static TemporarySlapd slapd;

  @BeforeAll
  static void start() {
    ca = ThrowawayCa.create(certificates);
    slapd = seeded(PLAIN.withTls(new Tls(ca.chainFile(), ca.keyFile(), null)));
  }

  @AfterAll
  static void stop() {
    if (slapd != null) {
      slapd.close();
    }
  }

  private static TemporarySlapd seeded(Setup setup) {
    TemporarySlapd server = TemporarySlapd.start(setup);
    try {
      server.load(SlapdDirectoryTest.class.getResourceAsStream("slapd.ldif"));
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  static TestLdapConfig custom(int port) {
    return TestLdapConfig.of(Implementation.CUSTOM, port).filters(
        "(&({username_attribute}={input})(objectClass=inetOrgPerson))",
        "(|(&(member={dn})(objectClass=groupOfNames))(&(uniqueMember={dn})(objectClass=groupOfUniqueNames)))");
  }

  private static LdapDirectory directory(TestLdapConfig config, X509TrustManager trust) {
    return new LdapDirectory(config.build(), Clock.systemUTC(), trust);
  }

  @Test
  void customSignsInWithTheUsernameOnly() {
    try (LdapDirectory directory = directory(custom(slapd.port()), null)) {
      User john = directory.authenticate("john", JOHN_PASSWORD).orElseThrow();

      assertThat(john.displayName()).isEqualTo("John Doe");
      assertThat(john.email()).isEqualTo("john@example.com");
      assertThat(john.groups()).containsExactlyInAnyOrder("admins", "dev");
      assertThat(directory.authenticate("john@example.com", JOHN_PASSWORD)).isEmpty();
      assertThat(directory.authenticate("john", "wrong")).isEmpty();
      assertThat(directory.authenticate("john", "")).isEmpty();
      assertThat(directory.authenticate("alice", "alice-password").orElseThrow().groups()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "*)(uid=*", "john)(|(uid=*", "\\00", "jo*", "john\u0000", "jöhn", "twins@example.com"})
  void filterInjectionAndTwoMatchesAreFailedSignIns(String input) {
    try (LdapDirectory directory = directory(TestLdapConfig.of(Implementation.RFC2307BIS, slapd.port()), null)) {
      assertThat(directory.authenticate(input, JOHN_PASSWORD)).isEmpty();
      assertThat(directory.authenticate(input, "twin-password")).isEmpty();
    }
  }

  /**
   * rfc2307bis's groups filter ends in {@code (!(pwdReset=TRUE))}. Without the ppolicy overlay slapd does not
   * know pwdReset: the term is undefined, so is its negation, and the whole filter matches no group.
   */
  @Test
  void rfc2307bisFindsNoGroupsWhereThePasswordPolicySchemaIsMissing() {
    try (LdapDirectory directory = directory(TestLdapConfig.of(Implementation.RFC2307BIS, slapd.port()), null)) {
      User john = directory.authenticate("john@example.com", JOHN_PASSWORD).orElseThrow();

      assertThat(john.username()).isEqualTo("john");
      assertThat(john.groups()).isEmpty();
    }
  }

  @Test
  void rfc2307bisFindsTheGroupsWithThePasswordPolicyOverlay() {
    try (TemporarySlapd withPolicy = seeded(PLAIN.withOverlay("ppolicy"));
        LdapDirectory directory = directory(TestLdapConfig.of(Implementation.RFC2307BIS, withPolicy.port()), null)) {
      assertThat(directory.authenticate("john", JOHN_PASSWORD).orElseThrow().groups())
          .containsExactlyInAnyOrder("admins", "dev");
    }
  }

  @Test
  void anonymousServiceBindWhenPermitted() {
    try (LdapDirectory directory = directory(custom(slapd.port()).serviceAccount(null, null), null)) {
      assertThat(directory.authenticate("john", JOHN_PASSWORD)).isPresent();
    }
  }

  @Test
  void ldapsAndStartTlsWithAPrivateCa() {
    TestLdapConfig ldaps = custom(slapd.ldapsPort()).address("ldaps", slapd.ldapsPort()).tls("localhost", false);
    TestLdapConfig startTls = custom(slapd.port()).tls(null, true);
    TestLdapConfig pooledStartTls = custom(slapd.port()).tls(null, true).pooled(2, 2, Duration.ofSeconds(2));
    for (TestLdapConfig config : new TestLdapConfig[] {ldaps, startTls, pooledStartTls}) {
      try (LdapDirectory directory = directory(config, ca.trustManager())) {
        assertThat(directory.authenticate("john", JOHN_PASSWORD)).isPresent();
        assertThat(directory.checkStartup().startTls()).isTrue();
      }
    }
  }

  @Test
  void aWrongServerNameOrAnUntrustedCaIsRefusedUnlessVerifyingIsSkipped(@TempDir Path other) throws Exception {
    X509TrustManager stranger = ThrowawayCa.create(Files.createDirectories(other)).trustManager();
    TestLdapConfig wrongName = custom(slapd.port()).address("ldaps", slapd.ldapsPort()).tls("ldap.other.test", false);
    TestLdapConfig untrustedLdaps = custom(slapd.port()).address("ldaps", slapd.ldapsPort()).tls(null, false);
    TestLdapConfig untrustedStartTls = custom(slapd.port()).tls(null, true);
    assertRefused(directory(wrongName, ca.trustManager()), "did not contain any of the acceptable addresses");
    assertRefused(directory(untrustedLdaps, stranger), "PKIX path validation failed");
    assertRefused(directory(untrustedStartTls, stranger), "PKIX path validation failed");
    assertRefused(directory(untrustedLdaps, null), "PKIX path building failed");
    try (LdapDirectory skipVerify = directory(untrustedLdaps.skipVerify(), stranger)) {
      assertThat(skipVerify.authenticate("john", JOHN_PASSWORD)).isPresent();
    }
  }

  private static void assertRefused(LdapDirectory directory, String reason) {
    try (directory) {
      assertThatThrownBy(() -> directory.authenticate("john", JOHN_PASSWORD))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageContaining(reason);
    }
  }

  /**
   * A server that speaks TLS 1.2 at most: offered 1.2, it is used; with a minimum of TLS 1.3, which the other
   * server accepts, the handshake fails.
   */
  @Test
  void theTlsVersionsAreThoseConfigured() {
    try (TemporarySlapd tls12 = seeded(PLAIN.withTls(new Tls(ca.chainFile(), ca.keyFile(), "NORMAL:-VERS-TLS1.3")));
        LdapDirectory only12 = directory(custom(tls12.port()).tls(null, true, TlsVersion.TLS_1_2, TlsVersion.TLS_1_2),
            ca.trustManager());
        LdapDirectory only13 = directory(custom(slapd.port()).tls(null, true, TlsVersion.TLS_1_3, null),
            ca.trustManager())) {
      assertThat(only12.authenticate("john", JOHN_PASSWORD)).isPresent();
      assertThat(only13.authenticate("john", JOHN_PASSWORD)).isPresent();
      assertRefused(directory(custom(tls12.port()).tls(null, true, TlsVersion.TLS_1_3, null), ca.trustManager()),
          "handshake");
    }
  }

  @Test
  void slapdStoppedIsUnavailableAndRestartedSignsInAgain() {
    try (TemporarySlapd own = seeded(PLAIN);
        LdapDirectory directory = directory(custom(own.port()).pooled(2, 2, Duration.ofMillis(400)), null)) {
      assertThat(directory.authenticate("john", JOHN_PASSWORD)).isPresent();

      own.stop();
      assertThatThrownBy(() -> directory.authenticate("john", JOHN_PASSWORD))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageNotContaining(JOHN_PASSWORD);

      own.resume();
      assertThat(directory.authenticate("john", JOHN_PASSWORD)).isPresent();
    }
  }

  @Test
  void signInTime() {
    try (LdapDirectory unpooled = directory(custom(slapd.port()), null);
        LdapDirectory pooled = directory(custom(slapd.port()).pooled(5, 2, Duration.ofSeconds(10)), null)) {
      SignInTimer.report("slapd, pooling false", unpooled, "john", JOHN_PASSWORD);
      SignInTimer.report("slapd, pooling true", pooled, "john", JOHN_PASSWORD);
    }
  }
}
