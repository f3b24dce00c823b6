package dev.gatehouse.storage;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record of accepted TOTP time steps. The unique key makes "first use" one atomic insert, so
 * two requests racing with the same code cannot both win, even on two Gatehouse instances.
 */
public class TotpHistoryStore {

  private final JdbcTemplate jdbc;

  private final Clock clock;

  public TotpHistoryStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Forgets the steps the user's codes used: a device restored from elsewhere starts with a clean history. */
  public void forget(String username) {
    jdbc.update("delete from totp_history where username = ?", username);
  }

  /** True when this user had not used this step yet; the step is recorded either way. */
  public boolean recordFirstUse(String username, long step) {
    try {
      jdbc.update("insert into totp_history (username, step, created_at) values (?, ?, ?)",
          username, step, Timestamp.from(clock.instant()));
      return true;
    } catch (DuplicateKeyException alreadyUsed) {
      return false;
    }
  }
}
