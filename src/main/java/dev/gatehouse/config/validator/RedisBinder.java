package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.SessionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code session.redis}, with Authelia's defaults (schema.DefaultRedisConfiguration) and checks
 * (validateRedis, validateRedisSentinel): one server at {@code host}, or with
 * {@code high_availability} the Sentinels at {@code host} and {@code nodes}. The
 * {@code session.secret} it needs is checked by {@link SessionBinder}.
 *
 * <p>A unix socket gets port 0, which is how Authelia's session provider tells it from TCP. The
 * {@code timeout} default is go-redis's, which Authelia relies on. Two departures:
 * {@code maximum_active_connections} defaults to 8 with Sentinels too (Authelia leaves it to
 * go-redis there: 10 per CPU), and a negative {@code database_index} is an error (Authelia passes
 * it on and fails to connect).
 */
final class RedisBinder {

  private static final int PORT = 6379;
  private static final int SENTINEL_PORT = 26379;
  private static final int MAXIMUM_PORT = 65535;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int MAXIMUM_ACTIVE_CONNECTIONS = 8;

  private RedisBinder() {
  }

  static SessionConfig.Redis bind(ConfigNode redis) {
    ConfigNode hostNode = redis.child("host");
    String host = hostNode.string();
    ConfigNode portNode = redis.child("port");
    ConfigNode haNode = redis.child("high_availability");
    SessionConfig.HighAvailability highAvailability = null;
    int port;
    if (haNode.isPresent()) {
      highAvailability = bindHighAvailability(haNode);
      port = port(portNode, SENTINEL_PORT);
      if (host == null && highAvailability.nodes().isEmpty()) {
        redis.error("option 'host' or the 'high_availability' option 'nodes' is required");
      }
    } else {
      if (host == null) {
        hostNode.error("is required");
      }
      // Authelia's path.IsAbs: a unix socket, where a port means nothing and is not checked.
      port = host != null && host.startsWith("/") ? 0 : port(portNode, PORT);
    }

    String username = redis.child("username").string();
    String password = redis.child("password").string();
    ConfigNode indexNode = redis.child("database_index");
    int databaseIndex = indexNode.integer(0);
    if (databaseIndex < 0) {
      indexNode.error("must be 0 or more but it's configured as '" + databaseIndex + "'");
    }
    Duration timeout = redis.child("timeout").positiveDuration(TIMEOUT);
    int maxRetries = redis.child("max_retries").integer(0);
    int maximumActive = redis.child("maximum_active_connections").integer(MAXIMUM_ACTIVE_CONNECTIONS);
    int minimumIdle = redis.child("minimum_idle_connections").integer(0);
    ConfigNode tlsNode = redis.child("tls");
    SessionConfig.Tls tls = tlsNode.isPresent() ? TlsBinder.bind(tlsNode, host) : null;
    return new SessionConfig.Redis(host, port, username, password, databaseIndex, timeout, maxRetries,
        maximumActive <= 0 ? MAXIMUM_ACTIVE_CONNECTIONS : maximumActive, minimumIdle, tls, highAvailability);
  }

  private static SessionConfig.HighAvailability bindHighAvailability(ConfigNode ha) {
    ConfigNode nameNode = ha.child("sentinel_name");
    String sentinelName = nameNode.string();
    if (sentinelName == null) {
      nameNode.error("is required");
    }
    String sentinelUsername = ha.child("sentinel_username").string();
    String sentinelPassword = ha.child("sentinel_password").string();
    for (String routing : List.of("route_by_latency", "route_randomly")) {
      ConfigNode routingNode = ha.child(routing);
      if (routingNode.bool(false)) {
        routingNode.warn("is ignored: Gatehouse reads sessions from the master only, since a replica may"
            + " not have a login's latest step yet");
      }
    }
    ConfigNode nodesNode = ha.child("nodes");
    List<SessionConfig.Node> nodes = new ArrayList<>();
    boolean hostMissing = false;
    for (ConfigNode node : nodesNode.items()) {
      String host = node.child("host").string();
      hostMissing |= host == null;
      // Authelia defaults a node's port but does not check its range.
      int port = node.child("port").integer(0);
      nodes.add(new SessionConfig.Node(host, port == 0 ? SENTINEL_PORT : port));
    }
    if (hostMissing) {
      nodesNode.error("option 'host' is required for each node but one or more nodes are missing this");
    }
    return new SessionConfig.HighAvailability(sentinelName, sentinelUsername, sentinelPassword,
        List.copyOf(nodes));
  }

  /** {@code port}: absent or 0 takes {@code defaultPort}; otherwise 1 to 65535. */
  private static int port(ConfigNode portNode, int defaultPort) {
    int port = portNode.integer(0);
    if (port == 0) {
      return defaultPort;
    }
    if (port < 1 || port > MAXIMUM_PORT) {
      portNode.error("must be between 1 and 65535 but it's configured as '" + port + "'");
    }
    return port;
  }
}
