package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.TlsVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session.secret} and {@code session.redis}: Authelia 4.39's defaults, checks and texts. */
class RedisSessionConfigurationTest {

  /** {@link Fixtures#MINIMAL} on PostgreSQL, where Redis draws no warning. */
  private static final String ON_POSTGRES = MINIMAL.replace("  local:\n    path: 'data/gatehouse'\n", """
        postgres:
          address: 'tcp://db.internal'
          database: 'gatehouse'
          username: 'gatehouse'
      """);
  private static final String IGNORED = ": not supported by Gatehouse yet and is ignored";

  @TempDir
  Path directory;

  private static LoadResult session(String yaml) {
    return load(ON_POSTGRES + "session:\n" + yaml.stripIndent().indent(2));
  }

  @Test
  void withoutRedisThereIsNoRedisAndASecretIsAcceptedUnused() {
    LoadResult result = session("secret: 'a-session-secret'\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.configuration().session().secret()).isEqualTo("a-session-secret");
    assertThat(result.configuration().session().redis()).isNull();
  }

  @Test
  void autheliasDefaults() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.configuration().session().redis()).isEqualTo(new SessionConfig.Redis("redis", 6379, null,
        null, 0, Duration.ofSeconds(5), 0, 8, 0, null, null));
  }

  @Test
  void everyKeyIsBoundAndNoneReportedAsUnsupported() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
          port: 6380
          username: 'gatehouse'
          password: 'redis-password'
          database_index: 2
          timeout: '10s'
          max_retries: 3
          maximum_active_connections: 0
          minimum_idle_connections: 1
          tls:
            server_name: 'redis.internal'
            skip_verify: true
            minimum_version: '1.3'
            maximum_version: 'tls 1.3'
          high_availability:
            sentinel_name: 'mymaster'
            sentinel_username: 'sentinel'
            sentinel_password: 'sentinel-password'
            route_by_latency: true
            route_randomly: true
            nodes:
              - host: 'sentinel-2'
              - host: 'sentinel-3'
                port: 26380
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly(
        "session.redis.high_availability.route_by_latency: is ignored: Gatehouse reads sessions from the master"
            + " only, since a replica may not have a login's latest step yet",
        "session.redis.high_availability.route_randomly: is ignored: Gatehouse reads sessions from the master"
            + " only, since a replica may not have a login's latest step yet");
    assertThat(result.configuration().session().redis()).isEqualTo(new SessionConfig.Redis("redis", 6380,
        "gatehouse", "redis-password", 2, Duration.ofSeconds(10), 3, 8, 1,
        new SessionConfig.Tls("redis.internal", true, TlsVersion.TLS_1_3, TlsVersion.TLS_1_3),
        new SessionConfig.HighAvailability("mymaster", "sentinel", "sentinel-password",
            List.of(new SessionConfig.Node("sentinel-2", 26379), new SessionConfig.Node("sentinel-3", 26380)))));
  }

  @Test
  void secretIsRequiredWithRedis() {
    LoadResult result = session("redis:\n  host: 'redis'\n");

    assertThat(result.errors()).containsExactly("session.secret: is required when using the 'redis' provider");
  }

  @Test
  void hostIsRequiredAndPortIsInRange() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          port: 70000
        """);

    assertThat(result.errors()).containsExactly("session.redis.host: is required",
        "session.redis.port: must be between 1 and 65535 but it's configured as '70000'");
  }

  @Test
  void aNegativePortOrDatabaseIndexIsAnError() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
          port: -1
          database_index: -1
        """);

    assertThat(result.errors()).containsExactly(
        "session.redis.port: must be between 1 and 65535 but it's configured as '-1'",
        "session.redis.database_index: must be 0 or more but it's configured as '-1'");
  }

  @Test
  void aUnixSocketTakesNoPort() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: '/var/run/redis/redis.sock'
          port: 70000
        """);

    assertThat(result.errors()).isEmpty();
    SessionConfig.Redis redis = result.configuration().session().redis();
    assertThat(redis.unixSocket()).isTrue();
    assertThat(redis.port()).isZero();
  }

  @Test
  void sentinelDefaults() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'sentinel-1'
          high_availability:
            sentinel_name: 'mymaster'
        """);

    assertThat(result.errors()).isEmpty();
    SessionConfig.Redis redis = result.configuration().session().redis();
    assertThat(redis.port()).isEqualTo(26379);
    assertThat(redis.highAvailability()).isEqualTo(
        new SessionConfig.HighAvailability("mymaster", null, null, List.of()));
  }

  @Test
  void sentinelNodesAloneAreEnough() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          high_availability:
            sentinel_name: 'mymaster'
            nodes:
              - host: 'sentinel-1'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().session().redis().highAvailability().nodes())
        .containsExactly(new SessionConfig.Node("sentinel-1", 26379));
  }

  @Test
  void sentinelErrors() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          port: 0
          high_availability:
            sentinel_password: 'sentinel-password'
        """);

    assertThat(result.errors()).containsExactly(
        "session.redis.high_availability.sentinel_name: is required",
        "session.redis: option 'host' or the 'high_availability' option 'nodes' is required");
  }

  @Test
  void eachSentinelNodeNeedsAHost() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'sentinel-1'
          port: 65536
          high_availability:
            sentinel_name: 'mymaster'
            nodes:
              - host: 'sentinel-2'
              - port: 26380
        """);

    assertThat(result.errors()).containsExactly(
        "session.redis.high_availability.nodes: option 'host' is required for each node but one or more"
            + " nodes are missing this",
        "session.redis.port: must be between 1 and 65535 but it's configured as '65536'");
  }

  @Test
  void tlsDefaultsToTheHostAndTls12To13() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
          tls: {}
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().session().redis().tls())
        .isEqualTo(new SessionConfig.Tls("redis", false, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3));
  }

  @Test
  void tlsMinimumAboveMaximumIsAnErrorInAutheliasWords() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
          tls:
            minimum_version: 'TLS1.3'
            maximum_version: 'TLS1.2'
        """);

    assertThat(result.errors()).containsExactly("session.redis.tls: option combination of 'minimum_version' and"
        + " 'maximum_version' is invalid: minimum version TLS 1.3 is greater than the maximum version TLS 1.2");
  }

  @Test
  void tlsSsl3AndUnknownVersionsAreErrors() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
          tls:
            minimum_version: 'SSL3.0'
            maximum_version: 'TLS1.4'
        """);

    assertThat(result.errors()).containsExactly(
        "session.redis.tls.maximum_version: expected a TLS version such as 'TLS1.2' or 'TLS1.3' but got"
            + " 'TLS1.4': supplied tls version isn't supported",
        "session.redis.tls.minimum_version: is invalid: minimum version is TLS1.0 but SSL3.0 was configured");
  }

  @Test
  void tlsClientCertificatesAreWarnedAboutAndIgnored() {
    LoadResult result = session("""
        secret: 'a-session-secret'
        redis:
          host: 'redis'
          tls:
            certificate_chain: 'a-chain'
            private_key: 'a-key'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly("session.redis.tls.certificate_chain" + IGNORED,
        "session.redis.tls.private_key" + IGNORED);
  }

  @Test
  void redisWithLocalStorageIsWarnedAbout() {
    LoadResult result = load(MINIMAL + """
        session:
          secret: 'a-session-secret'
          redis:
            host: 'redis'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly("session.redis: sessions are shared through Redis but"
        + " storage.local (the embedded database) serves one instance only: run several instances on"
        + " storage.postgres");
  }

  @Test
  void secretsFromFiles() throws IOException {
    Path secret = Files.writeString(directory.resolve("secret"), "a-session-secret\n");
    Path password = Files.writeString(directory.resolve("password"), "redis-password\n");
    Path sentinelPassword = Files.writeString(directory.resolve("sentinel"), "sentinel-password\n");

    LoadResult result = load(Map.of(
        "GATEHOUSE_SESSION_SECRET_FILE", secret.toString(),
        "AUTHELIA_SESSION_REDIS_PASSWORD_FILE", password.toString(),
        "GATEHOUSE_SESSION_REDIS_HIGH_AVAILABILITY_SENTINEL_PASSWORD_FILE", sentinelPassword.toString()),
        ON_POSTGRES + """
            session:
              redis:
                host: 'sentinel-1'
                high_availability:
                  sentinel_name: 'mymaster'
            """);

    assertThat(result.errors()).isEmpty();
    SessionConfig session = result.configuration().session();
    assertThat(session.secret()).isEqualTo("a-session-secret");
    assertThat(session.redis().password()).isEqualTo("redis-password");
    assertThat(session.redis().highAvailability().sentinelPassword()).isEqualTo("sentinel-password");
  }
}
