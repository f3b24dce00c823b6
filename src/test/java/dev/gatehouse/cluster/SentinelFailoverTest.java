package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session.redis.high_availability}: Gatehouse finds its sessions' master through Redis
 * Sentinel, and finds the promoted replica when the master dies. A person half-way through
 * LibreChat's first login (password checked, emailed code still to type) when the master is
 * killed goes on once Sentinel has failed over: the session written before, replicated, is there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentinelFailoverTest {

  SentinelGroup redis;
  ClusterStage stage;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    redis = SentinelGroup.start(Files.createDirectories(directory.resolve("redis")));
    stage = ClusterStage.start(Files.createDirectories(directory.resolve("stage")), 1, redis, redis.sessionYaml(),
        TestGatehouse.USERS_YML);
  }

  @AfterAll
  void stop() {
    if (stage != null) {
      stage.close();
    }
  }

  @Test
  void theLoginGoesOnAfterSentinelPromotedTheReplica() throws Exception {
    Journey journey = stage.logIn(TestGatehouse.USER, TestGatehouse.PASSWORD, "john-sentinel-failover", "password",
        "continue", redis::failOver);
    journey.assertLoggedInAndOut("john@example.com");
    assertThat(journey.steps()).as("%s", journey)
        .containsExactly("password", "identity-verification", "totp-enrolment", "consent");
    assertThat(journey.serverErrors()).as("%s\n%s", journey, stage.gatehouseLogs()).isEmpty();
  }
}
