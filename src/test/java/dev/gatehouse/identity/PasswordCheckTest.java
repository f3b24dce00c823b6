package dev.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordCheckTest {

  /** pbkdf2-sha512 with 1000 iterations of 'password': a real digest computation, but a cheap one. */
  static final String PASSWORD_DIGEST = "$pbkdf2-sha512$1000$WmABaKw6rHCWCxo6RByv/A$"
      + "vyx7CMRb86jpTJz5blO0UsmBa.jZYnXmBASAdHUc/PwN5W41aKu/PttFCQQMsHZ1Ce60LPWQo6Ssq36aAPlBjQ";

  @TempDir
  Path dir;

  @Test
  void acceptsTheRightPasswordOnly() throws IOException {
    UserDirectory passwords = passwordsFor("""
        users:
          john: {password: '%s', displayname: 'John Doe'}
        """.formatted(PASSWORD_DIGEST));

    assertThat(passwords.authenticate("john", "password")).get().extracting(User::username).isEqualTo("john");
    assertThat(passwords.authenticate("john", "Password")).isEmpty();
    assertThat(passwords.authenticate("john", "")).isEmpty();
    assertThat(passwords.authenticate("JOHN", "password")).isEmpty();
  }

  @Test
  void refusesUnknownAndDisabledUsers() throws IOException {
    UserDirectory passwords = passwordsFor("""
        users:
          john: {password: '%s', displayname: 'John Doe'}
          retired: {password: '%1$s', displayname: 'Retired', disabled: true}
        """.formatted(PASSWORD_DIGEST));

    assertThat(passwords.authenticate("nobody", "password")).isEmpty();
    assertThat(passwords.authenticate("retired", "password")).isEmpty();
    assertThat(passwords.authenticate(null, "password")).isEmpty();
    assertThat(passwords.authenticate("john", null)).isEmpty();
  }

  @Test
  void leavesChecksTheHeapBesideGatehouseAndAlwaysRoomForOne() {
    long mib = 1L << 20;
    assertThat(PasswordCheck.checkHeapMiB(186 * mib)).as("jvm.options' -Xmx192m, SerialGC").isEqualTo(90);
    assertThat(PasswordCheck.checkHeapMiB(6144 * mib)).as("a large heap").isEqualTo(6048);
    assertThat(PasswordCheck.checkHeapMiB(100 * mib)).as("a heap too small for one").isEqualTo(64);
  }

  @Test
  void runsAsManyCheapChecksAtOnceAsProcessors() throws Exception {
    assertThat(mostAtOnce(4, 0)).isEqualTo(4);
  }

  @Test
  void runsMemoryHardChecksOnlyAsFarAsTheHeapHoldsThem() throws Exception {
    assertThat(mostAtOnce(4, 64L << 20)).as("64 MiB each, 90 MiB for checks").isEqualTo(1);
  }

  /** The most checks of a digest taking {@code memoryBytes} seen running at once, four at a time on a 186 MiB heap. */
  private int mostAtOnce(int processors, long memoryBytes) throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    PasswordDigest slow = new PasswordDigest() {
      @Override
      public boolean matches(CharSequence secret) {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        return false;
      }

      @Override
      public long workingMemoryBytes() {
        return memoryBytes;
      }

      @Override
      public String encoded() {
        return "$slow$";
      }
    };
    UserSnapshot users = UserSnapshot.of(Map.of("john", TestUsers.withOnlyRequiredAttributes("john", slow, false)));
    PasswordCheck passwords = new PasswordCheck(() -> users, processors, 186L << 20);
    ExecutorService logins = Executors.newFixedThreadPool(processors);
    try {
      List<Future<?>> attempts = new ArrayList<>();
      for (int i = 0; i < processors; i++) {
        attempts.add(logins.submit(() -> passwords.authenticate("john", "password")));
      }
      for (Future<?> attempt : attempts) {
        attempt.get(30, TimeUnit.SECONDS);
      }
    } finally {
      logins.shutdownNow();
    }
    return most.get();
  }

  @Test
  void checksUnknownAndDisabledUsersAgainstTheTimingDecoy() {
    CountingDigest johnsDigest = new CountingDigest(PasswordDigests.parse(PASSWORD_DIGEST));
    CountingDigest retiredDigest = new CountingDigest(PasswordDigests.parse(PASSWORD_DIGEST));
    UserSnapshot users = UserSnapshot.of(Map.of(
        "john", TestUsers.withOnlyRequiredAttributes("john", johnsDigest, false),
        "retired", TestUsers.withOnlyRequiredAttributes("retired", retiredDigest, true)));
    PasswordCheck passwords = new PasswordCheck(() -> users);

    passwords.authenticate("nobody", "password");
    passwords.authenticate("retired", "password");

    assertThat(johnsDigest.checks.get() + retiredDigest.checks.get()).isEqualTo(2);
  }

  @Test
  void takesTheTimingDecoyFromTheMostCommonAlgorithm() {
    UserSnapshot users = UserSnapshot.of(Map.of(
        "a", TestUsers.withOnlyRequiredAttributes("a", PasswordDigests.parse("$plaintext$a"), false),
        "b", TestUsers.withOnlyRequiredAttributes("b", PasswordDigests.parse(PASSWORD_DIGEST), false),
        "c", TestUsers.withOnlyRequiredAttributes("c", PasswordDigests.parse(PASSWORD_DIGEST), false)));

    assertThat(users.timingDecoy()).get().extracting(PasswordDigest::encoded).isEqualTo(PASSWORD_DIGEST);
    assertThat(UserSnapshot.of(Map.of()).timingDecoy()).isEmpty();
  }

  private UserDirectory passwordsFor(String usersYaml) throws IOException {
    return UsersFileDirectory.open(Files.writeString(dir.resolve("users.yml"), usersYaml));
  }

  /** Counts the digest computations made against a real digest. */
  private static final class CountingDigest implements PasswordDigest {
    private final PasswordDigest digest;
    private final AtomicInteger checks = new AtomicInteger();

    CountingDigest(PasswordDigest digest) {
      this.digest = digest;
    }

    @Override
    public boolean matches(CharSequence secret) {
      checks.incrementAndGet();
      return digest.matches(secret);
    }

    @Override
    public String encoded() {
      return digest.encoded();
    }

    @Override
    public boolean isLegacyPlaintext() {
      return digest.isLegacyPlaintext();
    }
  }
}
