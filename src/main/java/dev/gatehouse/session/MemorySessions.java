package dev.gatehouse.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions in this process's memory: the single-instance default, lost on restart. A session is
 * forgotten when read past its inactivity; those never read again are swept once a minute, so
 * abandoned logins do not accumulate.
 */
final class MemorySessions implements SessionStore {

  private static final long SWEEP_SECONDS = 60;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final MapSessionRepository repository = new MapSessionRepository(sessions);
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "session-sweeper");
    thread.setDaemon(true);
    return thread;
  });

  MemorySessions(Duration inactivity) {
    repository.setDefaultMaxInactiveInterval(inactivity);
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  void sweep() {
    sessions.values().removeIf(Session::isExpired);
  }

  @Override
  public long activeSessions() {
    return sessions.size();
  }

  @Override
  public SessionRepository<?> repository() {
    return repository;
  }

  @Override
  public void ping() {
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    sessions.clear();
  }
}
