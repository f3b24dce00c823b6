package dev.gatehouse.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.identity.DirectoryUnavailableException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to the directory as Authelia's client factories make them: each one opened with the
 * configured timeout, over {@code ldaps://} or upgraded by StartTLS, and bound as the service account
 * (or unauthenticated when permitted and no password is set). With {@code pooling.enable} the service
 * account's connections come from a pool of {@code count}; without it each operation opens and closes
 * its own. A user's password is always checked on a connection of its own, never a pooled one.
 */
final class LdapConnections implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LdapConnections.class);
  /** Failures that say nothing about the request, only that the directory could not be reached in time. */
  private static final Set<ResultCode> UNREACHABLE = Set.of(ResultCode.CONNECT_ERROR, ResultCode.SERVER_DOWN,
      ResultCode.TIMEOUT, ResultCode.LOCAL_ERROR, ResultCode.UNAVAILABLE, ResultCode.BUSY);

  /** Work done with one service connection. */
  interface Work<T> {
    T run(LDAPInterface directory) throws LDAPException;
  }

  private final LdapBackendConfig config;
  private final LDAPConnectionOptions options;
  private final SocketFactory sockets;
  private final PostConnectProcessor startTls;
  private final BindRequest serviceBind;
  private final LDAPConnectionPool pool;

  LdapConnections(LdapBackendConfig config, X509TrustManager trust) {
    if (config.address().scheme().equals("ldapi")) {
      throw new IllegalArgumentException("ldapi:// addresses are not supported: the JDK has no unix socket"
          + " for LDAP; use ldap:// or ldaps://");
    }
    this.config = config;
    SessionConfig.Tls tls = config.tls() == null ? new SessionConfig.Tls(null, false, null, null) : config.tls();
    TlsSockets tlsSockets = TlsSockets.of(tls, config.address().host(), trust);
    this.sockets = config.address().isLdaps() ? tlsSockets : SocketFactory.getDefault();
    this.startTls = !config.address().isLdaps() && config.startTls()
        ? new StartTLSPostConnectProcessor(tlsSockets) : null;
    this.options = options(config);
    this.serviceBind = serviceBind(config);
    this.pool = config.pooling() != null && config.pooling().enable() ? pool(config.pooling()) : null;
  }

  private LDAPConnectionOptions options(LdapBackendConfig config) {
    LDAPConnectionOptions result = new LDAPConnectionOptions();
    int timeoutMillis = (int) config.timeout().toMillis();
    result.setConnectTimeoutMillis(timeoutMillis);
    result.setResponseTimeoutMillis(timeoutMillis);
    result.setAbandonOnTimeout(true);
    // The SDK refuses a DN without password unless told otherwise: only the permitted service bind may.
    result.setBindWithDNRequiresPassword(!unauthenticatedService(config));
    result.setFollowReferrals(config.permitReferrals());
    // Authelia binds to a referred server as to the configured one: as the service account.
    result.setReferralConnector((url, referring) -> serverSet(url.getHost(), url.getPort(), serviceBind)
        .getConnection());
    return result;
  }

  /**
   * Unauthenticated (a DN without password) when permitted and no password is set, anonymous when no DN is
   * set either.
   */
  private static BindRequest serviceBind(LdapBackendConfig config) {
    if (unauthenticatedService(config)) {
      return config.user() == null || config.user().isEmpty() ? null : new SimpleBindRequest(config.user(), "");
    }
    return new SimpleBindRequest(config.user(), config.password());
  }

  private static boolean unauthenticatedService(LdapBackendConfig config) {
    return config.permitUnauthenticatedBind() && (config.password() == null || config.password().isEmpty());
  }

  /**
   * Opens the pool's connections now, as Authelia does at start-up, but tolerates a directory that is down:
   * the pool then opens connections when they are asked for, so it recovers once the directory is back.
   */
  private LDAPConnectionPool pool(LdapBackendConfig.Pooling pooling) {
    try {
      SingleServerSet server = new SingleServerSet(config.address().host(), config.address().port(), sockets,
          options);
      LDAPConnectionPool result = new LDAPConnectionPool(server, serviceBind, pooling.count(), pooling.count(),
          pooling.count(), startTls, false);
      result.setMaxWaitTimeMillis(pooling.timeout().toMillis());
      result.setCreateIfNecessary(false);
      result.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH));
      result.setConnectionPoolName("gatehouse-ldap");
      return result;
    } catch (LDAPException e) {
      throw unavailable("cannot open the LDAP connection pool", e);
    }
  }

  private SingleServerSet serverSet(BindRequest bind) {
    return serverSet(config.address().host(), config.address().port(), bind);
  }

  private SingleServerSet serverSet(String host, int port, BindRequest bind) {
    return new SingleServerSet(host, port, sockets, options, bind, startTls);
  }

  /** Runs work with the service account's connection; a directory that cannot answer is unavailable. */
  <T> T withService(Work<T> work) {
    return pool == null ? withOwnConnection(work) : withPool(work);
  }

  private <T> T withOwnConnection(Work<T> work) {
    try (LDAPConnection connection = serverSet(serviceBind).getConnection()) {
      return work.run(connection);
    } catch (LDAPException e) {
      throw unavailable("the LDAP directory could not answer", e);
    }
  }

  /**
   * As Authelia's pool: a connection that cannot be had is tried again, {@code retries} times within the
   * pool's {@code timeout}.
   */
  private <T> T withPool(Work<T> work) {
    LdapBackendConfig.Pooling pooling = config.pooling();
    Duration pause = pooling.timeout().dividedBy(Math.max(1, pooling.retries()));
    for (int attempt = 0; ; attempt++) {
      try {
        return work.run(pool);
      } catch (LDAPException e) {
        if (!isUnreachable(e) || attempt >= pooling.retries()) {
          throw unavailable("the LDAP directory could not answer", e);
        }
        log.debug("LDAP directory unreachable ({}), trying again in {}", e.getResultCode(), pause);
        sleep(pause);
      }
    }
  }

  /**
   * Whether the directory accepts this DN and password, on a connection of its own. A password is never
   * empty here: an empty one would be an unauthenticated bind, which directories accept for any DN.
   *
   * @throws DirectoryUnavailableException when the directory cannot be reached, rather than answer no
   */
  boolean passwordMatches(String dn, String password) {
    if (password == null || password.isEmpty()) {
      return false;
    }
    // The connection is only opened to bind: getting it means the directory accepted the password.
    try (LDAPConnection bound = serverSet(new SimpleBindRequest(dn, password)).getConnection()) {
      return true;
    } catch (LDAPException e) {
      if (isUnreachable(e)) {
        throw unavailable("the LDAP directory could not check a password", e);
      }
      log.debug("LDAP bind refused for {}: {}", dn, e.getResultCode());
      return false;
    }
  }

  static boolean isUnreachable(LDAPException e) {
    return UNREACHABLE.contains(e.getResultCode()) || !e.getResultCode().isConnectionUsable();
  }

  /**
   * Names the result and what the server or the SDK said about it (a refused certificate, a timeout). The
   * SDK's messages name addresses and DNs, never a bind password.
   */
  static DirectoryUnavailableException unavailable(String what, LDAPException e) {
    String said = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
    return new DirectoryUnavailableException(what + ": " + e.getResultCode() + (said == null ? "" : " (" + said + ")"),
        e);
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectoryUnavailableException("interrupted while waiting for the LDAP directory", e);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
