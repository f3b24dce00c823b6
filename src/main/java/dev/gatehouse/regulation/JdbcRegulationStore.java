package dev.gatehouse.regulation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attempts in {@code authentication_log}, bans in {@code banned_user} and {@code banned_ip}
 * (migration V4). Every query is bounded by a time and served by an index on (key, time).
 */
public final class JdbcRegulationStore implements RegulationStore {

  private final JdbcTemplate jdbc;

  public JdbcRegulationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(AuthenticationAttempt attempt) {
    jdbc.update("insert into authentication_log (attempted_at, username, remote_ip, kind, successful, banned)"
        + " values (?, ?, ?, ?, ?, ?)", at(attempt.time()), attempt.username(), attempt.remoteIp(),
        attempt.kind().value(), attempt.successful(), attempt.banned());
  }

  @Override
  public Optional<Instant> lastSuccess(String username, Set<AuthenticationKind> kinds, Instant since) {
    return jdbc.query("select attempted_at from authentication_log where username = ? and kind in (" + values(kinds)
        + ") and successful = true and attempted_at > ? order by attempted_at desc limit 1",
        (row, index) -> row.getObject(1, OffsetDateTime.class).toInstant(), username, at(since))
        .stream().findFirst();
  }

  @Override
  public List<Instant> userFailures(String username, Set<AuthenticationKind> kinds, Instant since, int limit) {
    return jdbc.query("select attempted_at from authentication_log where username = ? and kind in (" + values(kinds)
        + ") and successful = false and banned = false and attempted_at > ? order by attempted_at desc limit ?",
        (row, index) -> row.getObject(1, OffsetDateTime.class).toInstant(), username, at(since), limit);
  }

  /** The kinds as SQL literals: enum names only, so nothing a user typed reaches the statement. */
  private static String values(Set<AuthenticationKind> kinds) {
    return kinds.stream().map(kind -> "'" + kind.value() + "'").sorted().collect(Collectors.joining(", "));
  }

  @Override
  public List<Instant> ipFailures(String remoteIp, Instant since, int limit) {
    return jdbc.query("select attempted_at from authentication_log where remote_ip = ?"
        + " and successful = false and banned = false and attempted_at > ? order by attempted_at desc limit ?",
        (row, index) -> row.getObject(1, OffsetDateTime.class).toInstant(), remoteIp, at(since), limit);
  }

  @Override
  public void banUser(String username, Instant banned, Instant expires) {
    jdbc.update("insert into banned_user (username, banned_at, expires) values (?, ?, ?)", username, at(banned),
        at(expires));
  }

  @Override
  public void banIp(String remoteIp, Instant banned, Instant expires) {
    jdbc.update("insert into banned_ip (ip, banned_at, expires) values (?, ?, ?)", remoteIp, at(banned),
        at(expires));
  }

  @Override
  public boolean isUserBanned(String username, Instant now) {
    return exists("select count(*) from banned_user where username = ? and revoked = false"
        + " and (expires is null or expires > ?)", username, now);
  }

  @Override
  public boolean isIpBanned(String remoteIp, Instant now) {
    return exists("select count(*) from banned_ip where ip = ? and revoked = false"
        + " and (expires is null or expires > ?)", remoteIp, now);
  }

  private boolean exists(String countQuery, String key, Instant now) {
    Integer count = jdbc.queryForObject(countQuery, Integer.class, key, at(now));
    return count != null && count > 0;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
