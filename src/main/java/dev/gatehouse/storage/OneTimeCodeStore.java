package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * one_time_code: the identity-confirming codes sent by the notifier, kept as digests. Every step
 * that uses one up is a conditional update whose row count decides, so that requests racing on one
 * code, on one instance or several, cannot try it more often or use it more than once.
 */
public class OneTimeCodeStore {

  private final JdbcTemplate jdbc;

  public OneTimeCodeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps a new code, and forgets those that expired: nobody can use them any more. */
  public void issue(String id, String username, String codeHash, Instant issuedAt, Instant expiresAt) {
    jdbc.update("delete from one_time_code where expires_at < ?", of(issuedAt));
    jdbc.update("insert into one_time_code (id, username, code_hash, issued_at, expires_at) values (?, ?, ?, ?, ?)",
        id, username, codeHash, of(issuedAt), of(expiresAt));
  }

  /** Whether the code can still be tried: not used, not expired, tries left. */
  public boolean isUsable(String id, String username, int maxAttempts, Instant now) {
    return !jdbc.queryForList("select 1 from one_time_code where id = ? and username = ? and consumed_at is null"
        + " and attempts < ? and expires_at > ?", Integer.class, id, username, maxAttempts, of(now)).isEmpty();
  }

  /**
   * Takes one of the code's tries and returns its digest to compare with; empty when no try is left
   * (used, expired, tries spent), so that it is never compared more than {@code maxAttempts} times.
   */
  public Optional<String> reserveAttempt(String id, String username, int maxAttempts, Instant now) {
    int reserved = jdbc.update("update one_time_code set attempts = attempts + 1 where id = ? and username = ?"
        + " and consumed_at is null and attempts < ? and expires_at > ?", id, username, maxAttempts, of(now));
    if (reserved == 0) {
      return Optional.empty();
    }
    List<String> hash = jdbc.queryForList("select code_hash from one_time_code where id = ?", String.class, id);
    return hash.stream().findFirst();
  }

  /** Marks the code used; true for the one request that did. */
  public boolean consume(String id, Instant now) {
    return jdbc.update("update one_time_code set consumed_at = ? where id = ? and consumed_at is null", of(now), id) == 1;
  }
}
