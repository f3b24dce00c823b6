package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.List;

/**
 * {@code session}: the portal's login session cookie, and where sessions live: in this process's
 * memory, or in Redis ({@code redis}, then {@code secret} encrypts what is stored there).
 */
public record SessionConfig(
    String secret,
    String name,
    String sameSite,
    Duration inactivity,
    Duration expiration,
    Duration rememberMe,
    List<Cookie> cookies,
    Redis redis) {

  /** {@code remember_me: -1}: no "Remember me" box on the login page. */
  public boolean rememberMeOffered() {
    return !rememberMe.isNegative();
  }

  /** {@code session.cookies[]}: a cookie domain and the Gatehouse URL inside it. */
  public record Cookie(String domain, String autheliaUrl, String defaultRedirectionUrl) {
  }

  /**
   * {@code session.redis}: one server ({@code host} may be a unix socket path), or with
   * {@code high_availability} the Sentinels to ask for the master named {@code sentinel_name}
   * ({@code host}:{@code port} is then the first Sentinel, before {@code nodes}).
   */
  public record Redis(String host, int port, String username, String password, int databaseIndex,
      Duration timeout, int maxRetries, int maximumActiveConnections, int minimumIdleConnections,
      Tls tls, HighAvailability highAvailability) {

    public boolean unixSocket() {
      return host != null && host.startsWith("/");
    }
  }

  /** {@code session.redis.tls}: absent means plain TCP. */
  public record Tls(String serverName, boolean skipVerify, TlsVersion minimumVersion, TlsVersion maximumVersion) {
  }

  /**
   * {@code session.redis.high_availability}: Redis Sentinel. Its {@code route_by_latency} and
   * {@code route_randomly} (reading from replicas) are not kept: sessions are read from the master.
   */
  public record HighAvailability(String sentinelName, String sentinelUsername, String sentinelPassword,
      List<Node> nodes) {
  }

  /** {@code session.redis.high_availability.nodes[]}: a Sentinel. */
  public record Node(String host, int port) {
  }
}
