package dev.gatehouse.health;

import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.session.SessionStore;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health for proxies and container runtimes: {@code /api/health} says the process answers (as
 * Authelia's does), {@code /api/health/ready} also that storage, the session store (Redis, when
 * sessions are kept there) and the user directory (an LDAP server, when users are kept there) answer.
 * Nothing else is said.
 */
@RestController
public class HealthController {

  public static final String LIVENESS = "/api/health";
  public static final String READINESS = "/api/health/ready";

  private final JdbcTemplate jdbc;
  private final SessionStore sessions;
  private final UserDirectory users;

  public HealthController(JdbcTemplate jdbc, SessionStore sessions, UserDirectory users) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.users = users;
  }

  @GetMapping(LIVENESS)
  ResponseEntity<Map<String, String>> alive() {
    return answer(HttpStatus.OK, "OK");
  }

  @GetMapping(READINESS)
  ResponseEntity<Map<String, String>> ready() {
    try {
      jdbc.queryForObject("select 1", Integer.class);
      sessions.ping();
      users.checkReachable();
      return answer(HttpStatus.OK, "OK");
    } catch (RuntimeException unreachable) {
      return answer(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE");
    }
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String value) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(Map.of("status", value));
  }
}
