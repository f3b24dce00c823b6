package dev.gatehouse.cluster;

import dev.gatehouse.testing.TemporaryRedis;
import dev.gatehouse.testing.TestGatehouse;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Redis as Sentinel deployments run it, from the machine's redis-server: a master, its replica, and
 * one Sentinel ({@code redis-server --sentinel}, quorum 1) that promotes the replica a second after
 * the master stops answering. Each is a process of its own on 127.0.0.1 and a free port, stopped by
 * its id; nothing is kept on disk but the Sentinel's configuration, which it rewrites.
 */
final class SentinelGroup implements AutoCloseable {

  static final String MASTER_NAME = "mymaster";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final TemporaryRedis master;
  private final TemporaryRedis replica;
  private final int sentinelPort;
  private final Process sentinel;
  private final RedisClient client = RedisClient.create();

  private SentinelGroup(Path directory, TemporaryRedis master, TemporaryRedis replica) {
    this.master = master;
    this.replica = replica;
    sentinelPort = TestGatehouse.freePort();
    try {
      sentinel = new ProcessBuilder(TemporaryRedis.SERVER, configuration(directory).toString(), "--sentinel")
          .redirectErrorStream(true).redirectOutput(directory.resolve("sentinel.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path configuration(Path directory) throws IOException {
    return Files.writeString(directory.resolve("sentinel.conf"), """
        port %d
        bind 127.0.0.1
        protected-mode no
        dir %s
        sentinel monitor %s 127.0.0.1 %d 1
        sentinel down-after-milliseconds %s 1000
        sentinel failover-timeout %s 10000
        """.formatted(sentinelPort, directory, MASTER_NAME, master.port(), MASTER_NAME, MASTER_NAME));
  }

  /** Starts the three in {@code directory}; returns once the replica is in sync and the Sentinel knows it. */
  static SentinelGroup start(Path directory) {
    TemporaryRedis master = TemporaryRedis.start();
    TemporaryRedis replica = null;
    SentinelGroup group = null;
    try {
      replica = TemporaryRedis.start("--replicaof", "127.0.0.1", String.valueOf(master.port()));
      group = new SentinelGroup(directory, master, replica);
      group.await("the replica in sync with its master", group::replicaInSync);
      group.await("the Sentinel watching the master and its replica", group::sentinelKnowsTheReplica);
      return group;
    } catch (RuntimeException | AssertionError e) {
      if (group != null) {
        group.close();
      } else {
        if (replica != null) {
          replica.close();
        }
        master.close();
      }
      throw e;
    }
  }

  /** The {@code session} keys that put Gatehouse's sessions in the master the Sentinel names. */
  String sessionYaml() {
    return """
        session:
          secret: '%s'
          redis:
            host: '127.0.0.1'
            port: %d
            high_availability:
              sentinel_name: '%s'
        """.formatted(TemporaryRedis.SECRET, sentinelPort, MASTER_NAME);
  }

  /** Kills the master (SIGKILL) and returns once the Sentinel names the replica as the new master. */
  void failOver() {
    long killed = System.nanoTime();
    master.stop();
    await("the Sentinel promoting the replica", () -> masterPort() == replica.port());
    System.out.printf("Sentinel named the replica master %.1f s after the master was killed%n",
        (System.nanoTime() - killed) / 1e9);
  }

  private boolean replicaInSync() {
    try (StatefulRedisConnection<String, String> connection =
        client.connect(RedisURI.create("127.0.0.1", replica.port()))) {
      return connection.sync().info("replication").contains("master_link_status:up");
    }
  }

  private boolean sentinelKnowsTheReplica() {
    try (StatefulRedisSentinelConnection<String, String> connection = sentinel()) {
      return !connection.sync().replicas(MASTER_NAME).isEmpty();
    }
  }

  private int masterPort() {
    try (StatefulRedisSentinelConnection<String, String> connection = sentinel()) {
      return ((InetSocketAddress) connection.sync().getMasterAddrByName(MASTER_NAME)).getPort();
    }
  }

  private StatefulRedisSentinelConnection<String, String> sentinel() {
    return client.connectSentinel(RedisURI.create("127.0.0.1", sentinelPort));
  }

  private void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    RuntimeException lastFailure = null;
    while (System.nanoTime() < deadline) {
      if (!sentinel.isAlive()) {
        throw new IllegalStateException("the Sentinel exited with status " + sentinel.exitValue());
      }
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        lastFailure = notYet;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("waited " + WAIT + " in vain for " + what, lastFailure);
  }

  @Override
  public void close() {
    try {
      sentinel.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      client.shutdown();
      replica.close();
      master.close();
    }
  }
}
