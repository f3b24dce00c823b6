package dev.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.schema.RegulationConfig;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.regulation.AuthenticationKind;
import dev.gatehouse.regulation.InMemoryRegulationStore;
import dev.gatehouse.regulation.Regulator;
import dev.gatehouse.regulation.TimingAttackDelay;
import dev.gatehouse.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The password step with a directory: an outage is "try again" and still counted by regulation, and attempts
 * count toward the user the directory finds, however the account was typed.
 */
class PasswordAuthenticationProviderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private final Regulator regulator = new Regulator(
      new RegulationConfig(List.of("user"), 3, Duration.ofMinutes(2), Duration.ofMinutes(5)),
      new InMemoryRegulationStore(), clock, attempt -> { });

  @Test
  void aDirectoryOutageIsNotAWrongPasswordButIsCountedAsAFailedAttempt() {
    PasswordAuthenticationProvider provider = new PasswordAuthenticationProvider(new DirectoryDown(), regulator,
        new TimingAttackDelay(new SecureRandom(), duration -> { }), clock);

    for (int attempt = 0; attempt < 3; attempt++) {
      clock.advance(Duration.ofSeconds(5));
      assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("john", "guess")))
          .isInstanceOf(DirectoryUnavailableException.class);
    }

    assertThat(regulator.begin("john", null, AuthenticationKind.PASSWORD).banned())
        .as("three attempts while the directory was down, as three wrong passwords").isTrue();
  }

  @Test
  void failuresTypedAsTheMailAddressOrInAnotherCaseCountTowardTheOneUser() {
    PasswordAuthenticationProvider provider = new PasswordAuthenticationProvider(new WrongPasswords(), regulator,
        new TimingAttackDelay(new SecureRandom(), duration -> { }), clock);

    for (String typed : List.of("john", "JOHN", "john@example.com")) {
      clock.advance(Duration.ofSeconds(5));
      assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken(typed, "guess")))
          .isInstanceOf(BadCredentialsException.class);
    }

    assertThat(regulator.begin("john", null, AuthenticationKind.PASSWORD).banned()).isTrue();
  }

  /** A directory that finds john however he is typed, and refuses every password. */
  private static final class WrongPasswords implements UserDirectory {

    @Override
    public Optional<User> find(String username) {
      return Optional.empty();
    }

    @Override
    public Optional<User> authenticate(String input, String password) {
      return Optional.empty();
    }

    @Override
    public String regulatedName(String input) {
      return input.equalsIgnoreCase("john") || input.equals("john@example.com") ? "john" : input;
    }
  }

  private static final class DirectoryDown implements UserDirectory {

    @Override
    public Optional<User> find(String username) {
      throw new DirectoryUnavailableException("connect error", null);
    }

    @Override
    public Optional<User> authenticate(String input, String password) {
      throw new DirectoryUnavailableException("connect error", null);
    }
  }
}
