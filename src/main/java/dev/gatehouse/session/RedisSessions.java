package dev.gatehouse.session;

import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.storage.StorageEncryption;
import dev.gatehouse.storage.StorageOutages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionMapper;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Sessions in Redis ({@code session.redis}), shared by every instance: a Redis hash per session
 * under {@code gatehouse:session:sessions:<id>}, one field per attribute, written only when it
 * changes (so two instances serving one browser at once do not overwrite each other's attributes),
 * expiring after {@code inactivity} (or {@code remember_me}) without a request.
 *
 * <p>A session sealed under another {@code session.secret} is deleted and treated as absent: its
 * user signs in again. One this version cannot read otherwise (written by another version during a
 * rolling upgrade) is treated as absent but left for the version that wrote it. A session that
 * ended while a request was using it (signed out, expired, Redis restarted) stays ended rather than
 * failing the request. A command refused while Redis cannot serve it (connection lost, loading
 * its data, a replica during a failover) is tried again {@code max_retries} times, a little later
 * each time, then fails as a storage outage (503).
 */
final class RedisSessions implements SessionStore, SessionRepository<Session> {

  private static final Logger log = LoggerFactory.getLogger(RedisSessions.class);
  static final String KEY_NAMESPACE = "gatehouse:session";
  private static final RedisSessionMapper MAPPER = new RedisSessionMapper();
  private static final List<String> TIMES = List.of("creationTime", "lastAccessedTime", "maxInactiveInterval");
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
  /** What Spring Session says when saving a session whose key has gone meanwhile. */
  private static final String INVALIDATED = "Session was invalidated";

  private final RedisConnections connections;
  private final RedisTemplate<String, Object> redis;
  /** Spring Session's, whose own session type is not public. */
  private final SessionRepository<Session> sessions;
  private final int maxRetries;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private RedisSessions(RedisConnections connections, RedisTemplate<String, Object> redis,
      RedisSessionRepository sessions, int maxRetries) {
    this.connections = connections;
    this.redis = redis;
    this.sessions = (SessionRepository) sessions;
    this.maxRetries = maxRetries;
  }

  static RedisSessions connect(SessionConfig session) {
    RedisConnections connections = RedisConnections.connect(session.redis());
    RedisTemplate<String, Object> redis = new RedisTemplate<>();
    redis.setConnectionFactory(connections.factory());
    redis.setKeySerializer(RedisSerializer.string());
    redis.setHashKeySerializer(RedisSerializer.string());
    redis.setHashValueSerializer(new SessionValueFormat(new StorageEncryption(session.secret(), "session.secret")));
    redis.setEnableDefaultSerializer(false);
    redis.afterPropertiesSet();
    RedisSessionRepository sessions = new RedisSessionRepository(redis);
    sessions.setRedisKeyNamespace(KEY_NAMESPACE);
    sessions.setDefaultMaxInactiveInterval(session.inactivity());
    sessions.setRedisSessionMapper(RedisSessions::completeSession);
    return new RedisSessions(connections, redis, sessions, session.redis().maxRetries());
  }

  @Override
  public SessionRepository<?> repository() {
    return this;
  }

  @Override
  public Session createSession() {
    return sessions.createSession();
  }

  /** Spring Session's mapping, but a hash missing its times (a write racing a delete) is no session. */
  private static MapSession completeSession(String id, Map<String, Object> stored) {
    return TIMES.stream().allMatch(stored::containsKey) ? MAPPER.apply(id, stored) : null;
  }

  @Override
  public void save(Session session) {
    try {
      retrying(() -> {
        sessions.save(session);
        return null;
      });
    } catch (IllegalStateException ended) {
      if (!INVALIDATED.equals(ended.getMessage())) {
        throw ended;
      }
      log.debug("A session ended while a request was using it; it stays ended");
    }
  }

  @Override
  public Session findById(String id) {
    try {
      return retrying(() -> sessions.findById(id));
    } catch (SerializationException unreadable) {
      boolean otherSecret = unreadable.getCause() instanceof StorageEncryption.WrongEncryptionKeyException;
      log.info("A session could not be read ({}){}", unreadable.getCause().getClass().getSimpleName(),
          otherSecret ? ": it was sealed under another session.secret and is deleted" : "");
      if (otherSecret) {
        deleteById(id);
      }
      return null;
    }
  }

  @Override
  public void deleteById(String id) {
    retrying(() -> {
      sessions.deleteById(id);
      return null;
    });
  }

  @Override
  public long activeSessions() {
    ScanOptions sessionKeys = ScanOptions.scanOptions().match(KEY_NAMESPACE + ":sessions:*").count(1000).build();
    try (Cursor<String> keys = redis.scan(sessionKeys)) {
      return keys.stream().count();
    }
  }

  @Override
  public void ping() {
    try (RedisConnection connection = connections.factory().getConnection()) {
      connection.ping();
    }
  }

  private <T> T retrying(Supplier<T> command) {
    for (int retry = 0; ; retry++) {
      try {
        return command.get();
      } catch (DataAccessException failure) {
        if (retry >= maxRetries || !StorageOutages.isRedisRefusal(failure)) {
          throw failure;
        }
        pause(RETRY_PAUSE.multipliedBy(retry + 1));
      }
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryTimeoutException("interrupted while waiting to retry a Redis command", e);
    }
  }

  @Override
  public void close() {
    connections.close();
  }
}
