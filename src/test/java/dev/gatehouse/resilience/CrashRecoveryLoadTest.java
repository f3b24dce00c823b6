package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.GatehouseProcess;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen users log in over and over against a Gatehouse process on H2; halfway through it is
 * killed with SIGKILL and started again on the same data. No login that did not overlap the crash
 * may fail, and every token a client received before the crash must still work: its access token
 * is active, its refresh token refreshes (with an ID token made from the grant read back from the
 * file), and its grant can be revoked. What was answered was committed first (design.md, Storage),
 * and nothing of it comes back as a server error.
 *
 * <p>{@code -Dgatehouse.load.seconds} sets how long the load runs (20 s by default, for CI).
 */
class CrashRecoveryLoadTest {

  private static final Duration LOAD = Duration.ofSeconds(Long.getLong("gatehouse.load.seconds", 20));
  private static final int USERS = 16;
  /** The check afterwards introspects and revokes hundreds of grants from one address, far over its limits. */
  private static final String UNLIMITED_CHECKS = """
      server:
        endpoints:
          rate_limits:
            openid_connect_introspection:
              enable: false
            openid_connect_revocation:
              enable: false
      """;

  @TempDir
  Path directory;

  @Test
  void tokensReceivedBeforeAKillStillWorkAfterTheRestart() throws Exception {
    int port = TestGatehouse.freePort();
    Path configuration = TestGatehouse.writeConfiguration(directory, port, TestGatehouse.ONE_FACTOR_CLIENTS,
        TestGatehouse.storageLocal(directory), TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML);
    Path unlimited = Files.writeString(directory.resolve("unlimited.yml"), UNLIMITED_CHECKS);
    CrashWindow crashes = new CrashWindow();
    GatehouseProcess gatehouse = GatehouseProcess.start(port, configuration, unlimited);
    RelyingParty client = new RelyingParty(gatehouse.baseUrl(), "app", TestGatehouse.APP_SECRET,
        TestGatehouse.APP_REDIRECT);
    LoginLoad load = new LoginLoad(client, crashes);
    long restartMillis;
    try {
      load.start(USERS);
      Thread.sleep(LOAD.toMillis() / 2);
      crashes.open();
      long killedAt = System.nanoTime();
      gatehouse.kill();
      gatehouse = GatehouseProcess.start(port, configuration, unlimited);
      restartMillis = (System.nanoTime() - killedAt) / 1_000_000;
      crashes.close();
      Thread.sleep(LOAD.toMillis() / 2);
      load.stop();

      List<LoginLoad.Received> beforeCrash = load.received().stream()
          .filter(received -> received.crashMark() == 0).toList();
      List<Problem> lost = stillWorking(client, beforeCrash);
      long serverErrors = lost.stream().filter(Problem::serverError).count();
      System.out.printf("Load: %d users for %d s: %d logins (%d requests), %d errors, %d cut short by the kill;"
              + " login %s; token %s; userinfo %s; restart after kill -9: %d ms;"
              + " %d token sets received before the kill, %d of them lost, %d 5xx answers after the restart%n",
          USERS, LOAD.toSeconds(), load.logins.count(), load.logins.count() * LoginLoad.REQUESTS_PER_LOGIN,
          load.errors().size(), load.cutShortByCrash(), load.logins, load.tokenRequests, load.userinfoRequests,
          restartMillis, beforeCrash.size(), lost.size(), serverErrors);
      assertThat(load.errors()).as("failed logins that did not overlap the kill").isEmpty();
      assertThat(beforeCrash).isNotEmpty();
      assertThat(serverErrors).as("5xx answers to tokens received before the kill").isZero();
      assertThat(lost).as("tokens received before the kill that no longer work").isEmpty();
    } finally {
      gatehouse.close();
    }
  }

  /** What is wrong with a token set, and whether Gatehouse answered it with a server error. */
  private record Problem(String what, boolean serverError) {
  }

  /** What is wrong with each token set, checked the way a client would use it; empty if all work. */
  private static List<Problem> stillWorking(RelyingParty client, List<LoginLoad.Received> received)
      throws Exception {
    ExecutorService checkers = Executors.newFixedThreadPool(USERS);
    try {
      List<Future<Problem>> checks = received.stream()
          .map(each -> checkers.submit(() -> problemWith(client, each.tokens()))).toList();
      List<Problem> problems = new ArrayList<>();
      for (Future<Problem> check : checks) {
        problems.add(check.get());
      }
      return problems.stream().filter(Objects::nonNull).toList();
    } finally {
      checkers.shutdownNow();
    }
  }

  private static Problem problemWith(RelyingParty client, RelyingParty.Tokens tokens) {
    try {
      if (!client.isActive(tokens.accessToken())) {
        return new Problem("access token inactive", false);
      }
      RelyingParty.Tokens refreshed = client.refresh(tokens.refreshToken());
      if (refreshed.idToken() == null) {
        return new Problem("refresh gave no ID token", false);
      }
      client.revoke(refreshed.refreshToken());
      return client.isActive(refreshed.accessToken()) ? new Problem("grant still active after revocation", false)
          : null;
    } catch (RelyingParty.UnexpectedAnswer answer) {
      return new Problem(answer.getMessage(), answer.status >= 500);
    } catch (Exception e) {
      return new Problem(e.toString(), false);
    }
  }
}
