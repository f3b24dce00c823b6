package dev.gatehouse.regulation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bans an admin lists, adds and revokes ({@code gatehouse storage bans user|ip …}), beside the
 * ones regulation makes: a ban of {@code source} {@code cli} may be permanent (no expiry) and has a
 * reason; a revoked ban stays in the table, no longer standing.
 */
public final class BanAdministration {

  /** Whose bans: usernames or client addresses. */
  public enum Target {
    USER("banned_user", "username"),
    IP("banned_ip", "ip");

    private final String table;
    private final String column;

    Target(String table, String column) {
      this.table = table;
      this.column = column;
    }
  }

  /** A ban as the list shows it; {@code expires} null for a permanent one. */
  public record Ban(long id, String who, Instant expires, String source, String reason) {
  }

  private final JdbcTemplate jdbc;
  private final Target target;

  public BanAdministration(JdbcTemplate jdbc, Target target) {
    this.jdbc = jdbc;
    this.target = target;
  }

  /** The bans standing at {@code now}, oldest first. */
  public List<Ban> standing(Instant now) {
    return jdbc.query("select id, " + target.column + ", expires, source, reason from " + target.table
        + " where revoked = false and (expires is null or expires > ?) order by id",
        (row, number) -> new Ban(row.getLong(1), row.getString(2), instant(row.getObject(3, OffsetDateTime.class)),
            row.getString(4), row.getString(5)), at(now));
  }

  /** Bans {@code who} until {@code expires}, or for good when it is null. */
  public void add(String who, Instant now, Instant expires, String reason) {
    jdbc.update("insert into " + target.table + " (" + target.column + ", banned_at, expires, source, reason)"
        + " values (?, ?, ?, 'cli', ?)", who, at(now), expires == null ? null : at(expires), reason);
  }

  /** Revokes the standing bans of {@code who}; the ids revoked. */
  public List<Long> revokeAll(String who, Instant now) {
    List<Long> ids = standing(now).stream().filter(ban -> ban.who().equals(who)).map(Ban::id).toList();
    ids.forEach(this::revoke);
    return ids;
  }

  /** Revokes one ban by its id; false when there is none of that id, or it was revoked already. */
  public boolean revoke(long id) {
    return jdbc.update("update " + target.table + " set revoked = true where id = ? and revoked = false", id) == 1;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
