package dev.gatehouse.regulation;

import static dev.gatehouse.regulation.AuthenticationKind.FIRST_FACTORS;
import static dev.gatehouse.regulation.AuthenticationKind.PASSKEY;
import static dev.gatehouse.regulation.AuthenticationKind.PASSWORD;
import static dev.gatehouse.regulation.AuthenticationKind.SECOND_FACTORS;
import static dev.gatehouse.regulation.AuthenticationKind.TOTP;
import static dev.gatehouse.regulation.AuthenticationKind.WEBAUTHN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The regulation tables (migration V4) and their queries, on each database engine, without
 * Spring: the same answers as {@link InMemoryRegulationStore}, which the regulator is tested on.
 */
abstract class JdbcRegulationStoreContract {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");
  private JdbcRegulationStore store;

  abstract DataSource dataSource();

  abstract String migrations();

  @BeforeEach
  void emptyTables() {
    Flyway.configure().dataSource(dataSource()).locations(migrations()).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource());
    List.of("authentication_log", "banned_user", "banned_ip").forEach(table -> jdbc.update("delete from " + table));
    store = new JdbcRegulationStore(jdbc);
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void failuresAreNewestFirstAfterSinceLimitedAndWithoutBannedOrOtherKinds() {
    store.append(new AuthenticationAttempt(at(1), "john", "203.0.113.7", PASSWORD, false, false));
    store.append(new AuthenticationAttempt(at(2), "john", "203.0.113.7", PASSWORD, false, false));
    store.append(new AuthenticationAttempt(at(3), "john", "203.0.113.8", PASSWORD, false, false));
    store.append(new AuthenticationAttempt(at(4), "john", "203.0.113.7", PASSWORD, false, true));
    store.append(new AuthenticationAttempt(at(5), "john", "203.0.113.7", TOTP, false, false));
    store.append(new AuthenticationAttempt(at(6), "jane", "203.0.113.7", PASSWORD, true, false));
    store.append(new AuthenticationAttempt(at(7), "john", "203.0.113.9", WEBAUTHN, false, false));
    store.append(new AuthenticationAttempt(at(8), "john", "203.0.113.9", PASSKEY, false, false));

    assertThat(store.userFailures("john", FIRST_FACTORS, at(1), 10)).containsExactly(at(8), at(3), at(2));
    assertThat(store.userFailures("john", FIRST_FACTORS, at(0), 2)).containsExactly(at(8), at(3));
    assertThat(store.userFailures("john", SECOND_FACTORS, at(0), 10)).containsExactly(at(7), at(5));
    assertThat(store.userFailures("john", Set.of(TOTP), at(0), 10)).containsExactly(at(5));
    assertThat(store.ipFailures("203.0.113.7", at(0), 10)).containsExactly(at(5), at(2), at(1));
  }

  @Test
  void lastSuccessIsTheNewestOfThatKindAfterSince() {
    store.append(new AuthenticationAttempt(at(1), "john", "203.0.113.7", PASSWORD, true, false));
    store.append(new AuthenticationAttempt(at(2), "john", "203.0.113.7", PASSWORD, true, false));
    store.append(new AuthenticationAttempt(at(3), "john", "203.0.113.7", TOTP, false, false));

    store.append(new AuthenticationAttempt(at(4), "john", "203.0.113.7", WEBAUTHN, true, false));

    assertThat(store.lastSuccess("john", FIRST_FACTORS, at(0))).contains(at(2));
    assertThat(store.lastSuccess("john", FIRST_FACTORS, at(2))).isEmpty();
    assertThat(store.lastSuccess("john", Set.of(TOTP), at(0))).isEmpty();
    assertThat(store.lastSuccess("john", SECOND_FACTORS, at(0))).contains(at(4));
  }

  @Test
  void bansHoldUntilTheyExpire() {
    store.banUser("john", at(0), at(300));
    store.banIp("2001:db8:0:0:0:0:0:1", at(0), at(60));

    assertThat(store.isUserBanned("john", at(299))).isTrue();
    assertThat(store.isUserBanned("john", at(300))).isFalse();
    assertThat(store.isUserBanned("jane", at(1))).isFalse();
    assertThat(store.isIpBanned("2001:db8:0:0:0:0:0:1", at(59))).isTrue();
    assertThat(store.isIpBanned("2001:db8:0:0:0:0:0:1", at(60).plus(Duration.ofNanos(1000)))).isFalse();
  }
}
