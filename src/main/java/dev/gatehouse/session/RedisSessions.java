package dev.gatehouse.session;

import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.storage.StorageEncryption;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Sessions in Redis ({@code session.redis}), shared by every instance: a Redis hash per session
 * under {@code gatehouse:session:sessions:<id>}, one field per attribute, written only when it
 * changes (so two instances serving one browser at once do not overwrite each other's attributes),
 * expiring after {@code inactivity} (or {@code remember_me}) without a request.
 *
 * <p>A session that cannot be read (written under another {@code session.secret}, or by a version
 * that stored something else) is deleted and treated as absent: its user signs in again. A command
 * that fails for want of Redis is tried again {@code max_retries} times, then fails as a storage
 * outage (503).
 */
final class RedisSessions implements SessionStore, SessionRepository<Session> {

  private static final Logger log = LoggerFactory.getLogger(RedisSessions.class);
  static final String KEY_NAMESPACE = "gatehouse:session";

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
    redis.afterPropertiesSet();
    RedisSessionRepository sessions = new RedisSessionRepository(redis);
    sessions.setRedisKeyNamespace(KEY_NAMESPACE);
    sessions.setDefaultMaxInactiveInterval(session.inactivity());
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

  @Override
  public void save(Session session) {
    retrying(() -> {
      sessions.save(session);
      return null;
    });
  }

  @Override
  public Session findById(String id) {
    try {
      return retrying(() -> sessions.findById(id));
    } catch (SerializationException unreadable) {
      log.info("Forgot an unreadable session (was it written under another session.secret?): {}",
          unreadable.getMessage());
      deleteById(id);
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
    try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(KEY_NAMESPACE + ":sessions:*").build())) {
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
      } catch (RedisConnectionFailureException failure) {
        if (retry >= maxRetries) {
          throw failure;
        }
      }
    }
  }

  @Override
  public void close() {
    connections.close();
  }
}
