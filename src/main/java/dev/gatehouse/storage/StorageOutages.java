package dev.gatehouse.storage;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure caused by storage being out of reach (database stopped, restarting, network
 * down, pool exhausted) from one caused by the request or by a bug: the first will pass by itself,
 * so it deserves a "try again" rather than a server error.
 */
public final class StorageOutages {

  /** Redis's error codes for "not now". */
  private static final List<String> REDIS_COME_BACK = List.of("LOADING", "READONLY", "MASTERDOWN", "TRYAGAIN");

  private StorageOutages() {
  }

  /** The failure among {@code thrown} and its causes that shows storage out of reach, if any. */
  public static Optional<Throwable> find(Throwable thrown) {
    return cause(thrown, StorageOutages::isOutage);
  }

  /** The first of {@code thrown} and its causes that is of {@code kind}; a chain that loops back ends. */
  public static Optional<Throwable> cause(Throwable thrown, Predicate<Throwable> kind) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable cause = thrown; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
      if (kind.test(cause)) {
        return Optional.of(cause);
      }
    }
    return Optional.empty();
  }

  /**
   * Throws on, unchecked, the outage that caused {@code thrown}, if one did: for a handler that
   * was given the outage wrapped in an authentication failure, so that it reaches the filter that
   * answers outages rather than Spring Security's handling of failed authentication.
   */
  public static void rethrow(Throwable thrown) {
    Optional<Throwable> outage = find(thrown);
    if (outage.isPresent()) {
      throw outage.get() instanceof RuntimeException unchecked ? unchecked
          : new DataAccessResourceFailureException(outage.get().getMessage(), outage.get());
    }
  }

  private static boolean isOutage(Throwable failure) {
    return failure instanceof DataAccessResourceFailureException
        || failure instanceof CannotCreateTransactionException
        || failure instanceof TransientDataAccessResourceException
        || failure instanceof RecoverableDataAccessException
        || failure instanceof QueryTimeoutException
        || failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException
        || failure instanceof SQLRecoverableException
        || failure instanceof SQLException sql && isConnectionState(sql.getSQLState())
        || isBrokenTransactionEnd(failure)
        || isRedisRefusal(failure);
  }

  /**
   * Redis (the session store) refusing for now: the connection lost, or an answer that says to
   * come back (loading its data after a restart, a replica during a Sentinel failover, no master
   * yet). Worth a retry, unlike a timeout, which has already waited.
   */
  public static boolean isRedisRefusal(Throwable failure) {
    return failure instanceof RedisConnectionFailureException
        || failure instanceof RedisConnectionException
        || failure instanceof RedisCommandExecutionException refused && refused.getMessage() != null
            && REDIS_COME_BACK.stream().anyMatch(refused.getMessage()::startsWith)
        || failure instanceof RedisSystemException && failure.getCause() != null
            && isRedisRefusal(failure.getCause());
  }

  /**
   * A commit or rollback that failed in JDBC itself: the connection broke under the transaction.
   * When a statement fails because the database went away, the pool closes the connection, the
   * rollback then fails on it too, and Spring throws that failure in place of the first one.
   */
  private static boolean isBrokenTransactionEnd(Throwable failure) {
    return failure instanceof TransactionException && failure.getCause() instanceof SQLException;
  }

  /**
   * SQLSTATE class 08 is a connection exception in every engine; 57P01 to 57P03 are PostgreSQL's
   * "terminating connection due to administrator command", crash and "cannot connect now".
   */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }
}
