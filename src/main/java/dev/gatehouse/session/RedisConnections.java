package dev.gatehouse.session;

import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.TlsVersion;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisSocketConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Lettuce connection to what {@code session.redis} names: one server over TCP or a unix socket,
 * or the master that Sentinel points at, found again after a failover. Lettuce multiplexes every
 * command over one connection and reconnects by itself, so commands issued while Redis restarts
 * wait (up to {@code timeout}) rather than fail; {@code maximum_active_connections} and
 * {@code minimum_idle_connections}, which size Authelia's pool, have nothing to size here.
 * Reconnection attempts back off to one a second at most, so a restarted Redis is found again
 * within about a second, before waiting commands time out.
 */
final class RedisConnections implements AutoCloseable {


  private static final Delay RECONNECT_DELAY =
      Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);

  private final ClientResources resources;
  private final LettuceConnectionFactory factory;

  private RedisConnections(ClientResources resources, LettuceConnectionFactory factory) {
    this.resources = resources;
    this.factory = factory;
  }

  static RedisConnections connect(SessionConfig.Redis redis) {
    ClientResources resources = DefaultClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
    LettuceConnectionFactory factory = new LettuceConnectionFactory(server(redis), client(redis, resources));
    factory.afterPropertiesSet();
    factory.start();
    return new RedisConnections(resources, factory);
  }

  LettuceConnectionFactory factory() {
    return factory;
  }

  @Override
  public void close() {
    factory.destroy();
    resources.shutdown();
  }

  private static RedisConfiguration server(SessionConfig.Redis redis) {
    SessionConfig.HighAvailability sentinel = redis.highAvailability();
    if (sentinel != null) {
      RedisSentinelConfiguration configuration = new RedisSentinelConfiguration();
      configuration.master(sentinel.sentinelName());
      if (redis.host() != null) {
        configuration.sentinel(redis.host(), redis.port());
      }
      sentinel.nodes().forEach(node -> configuration.addSentinel(new RedisNode(node.host(), node.port())));
      configuration.setSentinelUsername(sentinel.sentinelUsername());
      configuration.setSentinelPassword(RedisPassword.of(sentinel.sentinelPassword()));
      return withCredentials(configuration, redis);
    }
    return redis.unixSocket() ? withCredentials(new RedisSocketConfiguration(redis.host()), redis)
        : withCredentials(new RedisStandaloneConfiguration(redis.host(), redis.port()), redis);
  }

  private static <C extends RedisConfiguration.WithAuthentication & RedisConfiguration.WithDatabaseIndex> C
      withCredentials(C configuration, SessionConfig.Redis redis) {
    configuration.setUsername(redis.username());
    configuration.setPassword(RedisPassword.of(redis.password()));
    configuration.setDatabase(redis.databaseIndex());
    return configuration;
  }

  private static LettuceClientConfiguration client(SessionConfig.Redis redis, ClientResources resources) {
    ClientOptions.Builder options = ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(redis.timeout()).build());
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
        .clientResources(resources)
        .commandTimeout(redis.timeout())
        .clientName("gatehouse");
    SessionConfig.Tls tls = redis.tls();
    if (tls != null) {
      options.sslOptions(SslOptions.builder()
          .protocols(protocols(tls))
          .sslParameters(() -> serverName(tls.serverName()))
          .build());
      var ssl = client.useSsl();
      if (tls.skipVerify()) {
        ssl.disablePeerVerification();
      }
    }
    return client.clientOptions(options.build()).build();
  }

  private static String[] protocols(SessionConfig.Tls tls) {
    return EnumSet.range(tls.minimumVersion(), tls.maximumVersion()).stream().map(TlsVersion::jdkName)
        .toArray(String[]::new);
  }

  private static SSLParameters serverName(String serverName) {
    SSLParameters parameters = new SSLParameters();
    if (serverName != null && !serverName.isEmpty() && !serverName.startsWith("/")) {
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    return parameters;
  }
}
