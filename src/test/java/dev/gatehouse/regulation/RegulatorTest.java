package dev.gatehouse.regulation;

import static dev.gatehouse.regulation.AuthenticationKind.PASSKEY;
import static dev.gatehouse.regulation.AuthenticationKind.PASSWORD;
import static dev.gatehouse.regulation.AuthenticationKind.TOTP;
import static dev.gatehouse.regulation.AuthenticationKind.WEBAUTHN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.RegulationConfig;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authelia's regulation rules, on an in-memory store and a clock that only moves when told. */
class RegulatorTest {

  private static final Duration FIND_TIME = Duration.ofMinutes(2);
  private static final Duration BAN_TIME = Duration.ofMinutes(5);
  private static final String IP = "203.0.113.7";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryRegulationStore store = new InMemoryRegulationStore();

  private Regulator regulator(String... modes) {
    return regulator(3, modes);
  }

  private Regulator regulator(int maxRetries, String... modes) {
    return new Regulator(new RegulationConfig(List.of(modes), maxRetries, FIND_TIME, BAN_TIME), store, clock,
        attempt -> { });
  }

  /** One attempt, a few seconds after the previous one. */
  private boolean attempt(Regulator regulator, String username, String ip, AuthenticationKind kind, boolean proven) {
    clock.advance(Duration.ofSeconds(5));
    return regulator.begin(username, ip, kind).conclude(proven);
  }

  private boolean banned(Regulator regulator, String username, String ip) {
    return regulator.begin(username, ip, PASSWORD).banned();
  }

  @Test
  void maxRetriesFailuresWithinFindTimeBanTheUserForBanTime() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSWORD, false);
    assertThat(banned(regulator, "john", IP)).isFalse();
    attempt(regulator, "john", IP, PASSWORD, false);
    Instant third = clock.instant();

    assertThat(banned(regulator, "john", "198.51.100.1")).isTrue();
    assertThat(banned(regulator, "jane", IP)).as("user mode leaves the address alone").isFalse();
    clock.advance(Duration.between(clock.instant(), third.plus(BAN_TIME)).minusSeconds(1));
    assertThat(banned(regulator, "john", IP)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(banned(regulator, "john", IP)).isFalse();
  }

  @Test
  void aBannedAttemptFailsEvenWithTheRightFactorIsLoggedAsBannedAndDoesNotProlongTheBan() {
    Regulator regulator = regulator("user");
    for (int i = 0; i < 3; i++) {
      attempt(regulator, "john", IP, PASSWORD, false);
    }
    Instant banStart = clock.instant();
    assertThat(attempt(regulator, "john", IP, PASSWORD, true)).isFalse();
    attempt(regulator, "john", IP, PASSWORD, false);

    AuthenticationAttempt whileBanned = store.log.get(3);
    assertThat(whileBanned.successful()).isFalse();
    assertThat(whileBanned.banned()).isTrue();
    clock.advance(Duration.between(clock.instant(), banStart.plus(BAN_TIME)));
    assertThat(attempt(regulator, "john", IP, PASSWORD, true)).isTrue();
  }

  @Test
  void failuresOlderThanFindTimeDoNotCount() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSWORD, false);
    clock.advance(FIND_TIME);
    attempt(regulator, "john", IP, PASSWORD, false);
    assertThat(banned(regulator, "john", IP)).isFalse();
  }

  @Test
  void aPasswordSuccessClearsEarlierPasswordFailuresOnly() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSWORD, true);
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSWORD, false);
    assertThat(banned(regulator, "john", IP)).isFalse();
  }

  @Test
  void signingInAgainWithThePasswordBuysNoFreshTotpGuesses() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSWORD, true);
    attempt(regulator, "john", IP, TOTP, false);
    attempt(regulator, "john", IP, PASSWORD, true);
    attempt(regulator, "john", IP, TOTP, false);
    attempt(regulator, "john", IP, PASSWORD, true);
    assertThat(banned(regulator, "john", IP)).isFalse();
    attempt(regulator, "john", IP, TOTP, false);
    assertThat(banned(regulator, "john", IP)).isTrue();
  }

  @Test
  void aTotpSuccessClearsEveryEarlierFailure() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, TOTP, false);
    attempt(regulator, "john", IP, TOTP, true);
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, TOTP, false);
    assertThat(banned(regulator, "john", IP)).isFalse();
  }

  @Test
  void securityKeyFailuresCountWithTotpFailuresAndASecurityKeySuccessClearsThem() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSWORD, true);
    attempt(regulator, "john", IP, WEBAUTHN, false);
    attempt(regulator, "john", IP, TOTP, false);
    attempt(regulator, "john", IP, WEBAUTHN, true);
    attempt(regulator, "john", IP, WEBAUTHN, false);
    attempt(regulator, "john", IP, TOTP, false);
    assertThat(banned(regulator, "john", IP)).isFalse();
    attempt(regulator, "john", IP, WEBAUTHN, false);
    assertThat(banned(regulator, "john", IP)).isTrue();
  }

  @Test
  void aPasskeySignInBuysNoFreshSecondFactorGuessesAndItsFailuresCountAsFirstFactorOnes() {
    Regulator regulator = regulator("user");
    attempt(regulator, "john", IP, PASSKEY, false);
    attempt(regulator, "john", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSKEY, true);
    attempt(regulator, "john", IP, WEBAUTHN, false);
    attempt(regulator, "john", IP, PASSKEY, true);
    attempt(regulator, "john", IP, TOTP, false);
    assertThat(banned(regulator, "john", IP)).isFalse();
    attempt(regulator, "john", IP, PASSKEY, false);
    assertThat(banned(regulator, "john", IP)).as("two second-factor failures and a first-factor one").isTrue();
  }

  @Test
  void ipModeBansTheAddressWhicheverUsernamesItTried() {
    Regulator regulator = regulator("ip");
    attempt(regulator, "alice", IP, PASSWORD, false);
    attempt(regulator, "bob", IP, PASSWORD, false);
    attempt(regulator, "john", IP, PASSWORD, true);
    attempt(regulator, "carol", IP, PASSWORD, false);

    assertThat(banned(regulator, "john", IP)).as("a success from the address clears nothing").isTrue();
    assertThat(banned(regulator, "carol", "198.51.100.1")).as("ip mode leaves the usernames alone").isFalse();
  }

  @Test
  void bothModesBanBoth() {
    Regulator regulator = regulator("user", "ip");
    for (int i = 0; i < 3; i++) {
      attempt(regulator, "john", IP, PASSWORD, false);
    }
    assertThat(banned(regulator, "john", "198.51.100.1")).isTrue();
    assertThat(banned(regulator, "jane", IP)).isTrue();
  }

  @Test
  void zeroRetriesBansNoOneButStillLogs() {
    Regulator regulator = regulator(0, "user", "ip");
    for (int i = 0; i < 10; i++) {
      attempt(regulator, "john", IP, PASSWORD, false);
    }
    assertThat(banned(regulator, "john", IP)).isFalse();
    assertThat(store.log).hasSize(10);
  }

  @Test
  void bansStandWhateverTheCurrentModes() {
    Regulator ipMode = regulator("ip");
    for (int i = 0; i < 3; i++) {
      attempt(ipMode, "john", IP, PASSWORD, false);
    }
    assertThat(banned(regulator("user"), "jane", IP)).isTrue();
    assertThat(banned(regulator(0, "user"), "jane", IP)).isTrue();
  }
}
