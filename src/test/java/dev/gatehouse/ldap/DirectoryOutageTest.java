package dev.gatehouse.ldap;

import static dev.gatehouse.ldap.InMemoryDirectories.JOHN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.testing.Race;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A directory that is down is no wrong password, with and without pooling; once it is back the next call
 * works without restarting anything. Also the sign-in time against the in-memory directory.
 */
class DirectoryOutageTest {

  private InMemoryDirectoryServer server;
  /** Kept: a server that is shut down no longer says its port. */
  private int port;

  @BeforeEach
  void start() throws Exception {
    server = InMemoryDirectories.lldap();
    port = server.getListenPort();
  }

  @AfterEach
  void stop() {
    server.shutDown(true);
  }

  private LdapBackendConfig unpooled() {
    return TestLdapConfig.of(Implementation.LLDAP, port).build();
  }

  private LdapBackendConfig pooled() {
    return TestLdapConfig.of(Implementation.LLDAP, port)
        .pooled(3, 2, Duration.ofMillis(300)).build();
  }

  @Test
  void anUnpooledDirectoryThatIsDownIsUnavailableAndRecovers() throws Exception {
    survivesAnOutage(unpooled());
  }

  @Test
  void aPooledDirectoryThatIsDownIsUnavailableAndRecovers() throws Exception {
    survivesAnOutage(pooled());
  }

  private void survivesAnOutage(LdapBackendConfig config) throws Exception {
    try (LdapDirectory directory = new LdapDirectory(config, Clock.systemUTC(), null)) {
      assertThat(directory.authenticate("john", JOHN_PASSWORD)).isPresent();

      server.shutDown(true);
      assertThatThrownBy(() -> directory.authenticate("john", JOHN_PASSWORD))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageNotContaining(JOHN_PASSWORD)
          .hasMessageNotContaining(TestLdapConfig.SERVICE_PASSWORD);
      assertThatThrownBy(() -> directory.find("john")).isInstanceOf(DirectoryUnavailableException.class);
      assertThatThrownBy(directory::checkStartup).isInstanceOf(DirectoryUnavailableException.class);

      server.startListening();
      assertThat(directory.authenticate("john", JOHN_PASSWORD)).isPresent();
      assertThat(directory.find("john")).isPresent();
    }
  }

  @Test
  void aPoolOpenedWhileTheDirectoryIsDownConnectsOnceItIsUp() throws Exception {
    server.shutDown(true);
    try (LdapDirectory directory = new LdapDirectory(pooled(), Clock.systemUTC(), null)) {
      assertThatThrownBy(() -> directory.find("john")).isInstanceOf(DirectoryUnavailableException.class);
      server.startListening();
      assertThat(directory.find("john")).isPresent();
    }
  }

  @Test
  void aWrongServiceAccountPasswordIsUnavailableNotAFailedSignIn() {
    LdapBackendConfig config = TestLdapConfig.of(Implementation.LLDAP, port)
        .serviceAccount(TestLdapConfig.SERVICE_DN, "not-the-service-password").build();
    try (LdapDirectory directory = new LdapDirectory(config, Clock.systemUTC(), null)) {
      assertThatThrownBy(() -> directory.authenticate("john", JOHN_PASSWORD))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageContaining("invalid credentials")
          .hasMessageNotContaining("not-the-service-password");
    }
  }

  /** A directory that accepts connections but never answers is unavailable once {@code timeout} is up. */
  @Test
  void aDirectoryThatDoesNotAnswerIsUnavailableAfterTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LdapDirectory directory = new LdapDirectory(TestLdapConfig.of(Implementation.LLDAP, silent.getLocalPort())
            .timeout(Duration.ofMillis(500)).build(), Clock.systemUTC(), null)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> directory.authenticate("john", JOHN_PASSWORD))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageContaining("timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  /** More sign-ins at once than the pool has connections: they wait their turn, none fails. */
  @Test
  void concurrentSignInsShareASmallPool() throws Exception {
    LdapBackendConfig config = TestLdapConfig.of(Implementation.LLDAP, port)
        .pooled(2, 2, Duration.ofSeconds(10)).build();
    try (LdapDirectory directory = new LdapDirectory(config, Clock.systemUTC(), null)) {
      List<Integer> signedIn = Race.of(8, () -> {
        int count = 0;
        for (int i = 0; i < 25; i++) {
          count += directory.authenticate("john", JOHN_PASSWORD).isPresent() ? 1 : 0;
        }
        return count;
      });
      assertThat(signedIn).containsOnly(25);
    }
  }

  @Test
  void signInTime() {
    for (LdapBackendConfig config : new LdapBackendConfig[] {unpooled(), pooled()}) {
      try (LdapDirectory directory = new LdapDirectory(config, Clock.systemUTC(), null)) {
        SignInTimer.report("in-memory, pooling " + config.pooling().enable(), directory, "john", JOHN_PASSWORD);
      }
    }
  }
}
