package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TemporaryRedis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Gatehouse processes sharing sessions in Redis and data in PostgreSQL behind nginx, which takes
 * them in turn with no stickiness: LibreChat's newest login (openid-client 6, e2e/rp-v6.mjs) walked
 * in headless Chromium — password, TOTP enrolment with the emailed code, TOTP sign-in, consent,
 * logout — works whichever instance answers each request, goes on when the instance that checked
 * the password is killed half-way, and after Redis lost every session only asks the user to sign
 * in again. Each person has a TOTP device of their own, so that no login waits for a fresh time step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginAcrossInstancesTest {

  private static final String USERS = """
      users:
        john:
          displayname: 'John Doe'
          password: '$plaintext$john_password'
          email: 'john@example.com'
        mary:
          displayname: 'Mary Major'
          password: '$plaintext$mary_password'
          email: 'mary@example.com'
        harry:
          displayname: 'Harry Hill'
          password: '$plaintext$harry_password'
          email: 'harry@example.com'
      """;
  private static final List<String> FIRST_LOGIN = List.of("password", "identity-verification", "totp-enrolment",
      "consent");

  TemporaryRedis redis;
  ClusterStage stage;
  Journey twoInstances;
  ClusterStage.Instance killed;
  long killedAt;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    TemporaryRedis.requireInstalled();
    redis = TemporaryRedis.start();
    stage = ClusterStage.start(directory, 2, redis, redis.sessionYaml(), USERS);
  }

  @AfterAll
  void stop() {
    if (stage != null) {
      stage.close();
    }
  }

  @Test
  @Order(1)
  void aFirstLoginEnrolsTotpWithBothInstancesTakingTurns() {
    Journey journey = stage.logIn("john", "john_password", "john-enrols");
    journey.assertLoggedInAndOut("john@example.com");
    assertThat(journey.steps()).as("%s", journey).containsExactlyElementsOf(FIRST_LOGIN);
    assertThat(journey.instancesServingTheSession()).as("instances serving the sign-in: %s", journey)
        .containsExactlyInAnyOrderElementsOf(upstreams());
    assertThat(journey.serverErrors()).as("%s", journey).isEmpty();
  }

  @Test
  @Order(2)
  void aTotpSignInWithBothInstancesTakingTurns() {
    twoInstances = stage.logIn("john", "john_password", "john-signs-in");
    twoInstances.assertLoggedInAndOut("john@example.com");
    assertThat(twoInstances.steps()).as("%s", twoInstances).containsExactly("password", "totp", "consent");
    assertThat(twoInstances.instancesServingTheSession()).as("instances serving the sign-in: %s", twoInstances)
        .containsExactlyInAnyOrderElementsOf(upstreams());
    assertThat(twoInstances.serverErrors()).as("%s", twoInstances).isEmpty();
  }

  /**
   * Redis restarted empty while harry is between his password and the emailed code: back at
   * LibreChat, he is asked for his password again (a live session would have skipped it), and then
   * finishes; no request answers 5xx, not even the first one Gatehouse reads Redis for again.
   */
  @Test
  @Order(3)
  void afterRedisLostEverySessionTheUserSignsInAgain() throws Exception {
    Journey journey = stage.logIn("harry", "harry_password", "harry-redis-restarted", "password", "restart", () -> {
      redis.stop();
      redis.resume();
    });
    journey.assertLoggedInAndOut("harry@example.com");
    assertThat(journey.summary().get("pause")).as("%s", journey).asString().contains("/totp/enrol");
    assertThat(journey.steps()).as("asked for the password again: %s", journey)
        .containsExactly("password", "password", "identity-verification", "totp-enrolment", "consent");
    assertThat(journey.serverErrors()).as("%s\n%s", journey, stage.gatehouseLogs()).isEmpty();
  }

  /**
   * The instance that checked mary's password is killed (SIGKILL) before she types the emailed
   * code: the other one takes her identity verification, TOTP enrolment and consent from the
   * shared session, nginx passing on what it sent to the dead one, and she lands in LibreChat.
   */
  @Test
  @Order(4)
  void theLoginGoesOnWhenTheInstanceThatCheckedThePasswordIsKilled() throws Exception {
    Journey journey = stage.logIn("mary", "mary_password", "mary-instance-killed", "password", "continue",
        this::killTheInstanceThatCheckedThePassword);
    journey.assertLoggedInAndOut("mary@example.com");
    assertThat(journey.steps()).as("%s", journey).containsExactlyElementsOf(FIRST_LOGIN);
    List<ProxiedRequest> afterTheKill = journey.requests().stream()
        .filter(request -> request.reachedGatehouse() && request.millis() > killedAt).toList();
    assertThat(afterTheKill).as("%s", journey).isNotEmpty()
        .allSatisfy(request -> assertThat(request.servedBy()).isNotEqualTo(killed.upstream()))
        .anySatisfy(request -> assertThat(request.upstreams()).as("passed on from the killed instance")
            .containsExactly(killed.upstream(), request.servedBy()));
    assertThat(journey.serverErrors()).as("%s\n%s", journey, stage.gatehouseLogs()).isEmpty();
  }

  /** With one instance left, a TOTP sign-in is as before; its time beside the one with two instances. */
  @Test
  @Order(5)
  void theInstanceLeftServesTheNextLoginAlone() {
    Journey oneInstance = stage.logIn("mary", "mary_password", "mary-signs-in");
    oneInstance.assertLoggedInAndOut("mary@example.com");
    assertThat(oneInstance.steps()).as("%s", oneInstance).containsExactly("password", "totp", "consent");
    assertThat(oneInstance.instancesServingTheSession()).as("%s", oneInstance).hasSize(1)
        .doesNotContain(killed.upstream());
    assertThat(oneInstance.serverErrors()).as("%s", oneInstance).isEmpty();
    if (twoInstances != null) {
      System.out.printf("TOTP sign-in through nginx: %.1f s with two instances, %.1f s with one%n",
          twoInstances.took().toMillis() / 1e3, oneInstance.took().toMillis() / 1e3);
    }
  }

  private void killTheInstanceThatCheckedThePassword() {
    ProxiedRequest passwordCheck = stage.requestsSoFar().stream()
        .filter(request -> request.method().equals("POST") && request.path().equals("/login"))
        .reduce((earlier, later) -> later).orElseThrow(() -> new AssertionError("no password was posted"));
    killed = stage.instanceServing(passwordCheck.servedBy());
    killed.process().kill();
    killedAt = System.currentTimeMillis();
  }

  private List<String> upstreams() {
    return stage.instances().stream().map(ClusterStage.Instance::upstream).toList();
  }
}
