package dev.gatehouse.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions in this process's memory: the single-instance default, lost on restart. As with the
 * servlet container's own sessions, every request of a browser shares one live session: what one
 * request sets, the next sees at once; a session ended (logout, expiry) or renamed (a new id at
 * each factor) is gone for every request, and a request still holding it cannot bring it back by
 * saving. Sessions past their inactivity are forgotten when read, and swept once a minute.
 */
final class MemorySessions implements SessionStore, SessionRepository<MemorySessions.LiveSession> {

  private static final long SWEEP_SECONDS = 60;

  private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
  private final Duration inactivity;
  private final Clock clock;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "session-sweeper");
    thread.setDaemon(true);
    return thread;
  });

  MemorySessions(Duration inactivity, Clock clock) {
    this.inactivity = inactivity;
    this.clock = clock;
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  void sweep() {
    sessions.values().removeIf(LiveSession::isExpired);
  }

  @Override
  public LiveSession createSession() {
    return new LiveSession(inactivity);
  }

  /** Stores a new session; an existing one is already live, unless it has ended meanwhile. */
  @Override
  public void save(LiveSession session) {
    session.store();
  }

  @Override
  public LiveSession findById(String id) {
    LiveSession session = sessions.get(id);
    if (session != null && session.isExpired()) {
      deleteById(id);
      return null;
    }
    return session;
  }

  @Override
  public void deleteById(String id) {
    LiveSession ended = sessions.remove(id);
    if (ended != null) {
      ended.end();
    }
  }

  @Override
  public SessionRepository<?> repository() {
    return this;
  }

  @Override
  public long activeSessions() {
    return sessions.size();
  }

  @Override
  public void ping() {
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    sessions.clear();
  }

  /** One browser's session, shared by its concurrent requests. */
  final class LiveSession implements Session {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Instant creationTime = clock.instant();
    private volatile String id = UUID.randomUUID().toString();
    private volatile Instant lastAccessedTime = creationTime;
    private volatile Duration maxInactiveInterval;
    /** Whether the map holds this session: from its first save until it ends. */
    private boolean stored;
    private boolean ended;

    private LiveSession(Duration maxInactiveInterval) {
      this.maxInactiveInterval = maxInactiveInterval;
    }

    private synchronized void store() {
      if (!stored && !ended) {
        sessions.put(id, this);
        stored = true;
      }
    }

    private synchronized void end() {
      ended = true;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public synchronized String changeSessionId() {
      String renamed = UUID.randomUUID().toString();
      if (stored && !ended) {
        sessions.remove(id, this);
        sessions.put(renamed, this);
      }
      id = renamed;
      return renamed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
      return (T) attributes.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return Set.copyOf(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
      if (value == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, value);
      }
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
    }

    @Override
    public Instant getCreationTime() {
      return creationTime;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      this.lastAccessedTime = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
      return lastAccessedTime;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      this.maxInactiveInterval = interval;
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return maxInactiveInterval;
    }

    @Override
    public boolean isExpired() {
      return !maxInactiveInterval.isNegative()
          && clock.instant().minus(maxInactiveInterval).isAfter(lastAccessedTime);
    }
  }
}
