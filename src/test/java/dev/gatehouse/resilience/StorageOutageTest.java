package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TemporaryPostgres;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops under a light load and starts again. Meanwhile what needs storage answers 503
 * with Retry-After (an OAuth error to clients, a page to people), never a 500 or a stack trace;
 * readiness says 503 and liveness 200. Afterwards Gatehouse serves again by itself.
 */
class StorageOutageTest {

  private static final Duration OUTAGE = Duration.ofSeconds(8);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
  private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.springframework", "java.lang");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anOutageIsA503AndGatehouseRecoversByItself(@TempDir Path directory) throws Exception {
    try (TemporaryPostgres postgres = TemporaryPostgres.start();
        TestGatehouse gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS,
            postgres.storageYaml())) {
      RelyingParty client = new RelyingParty(gatehouse.baseUrl(), "app", TestGatehouse.APP_SECRET,
          TestGatehouse.APP_REDIRECT);
      RelyingParty.Tokens issued = client.exchange(client.loginForCode(TestGatehouse.USER, TestGatehouse.PASSWORD));
      UserAgent browser = new UserAgent(gatehouse.baseUrl());
      URI authorization = URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=app"
          + "&redirect_uri=" + RelyingParty.encode(TestGatehouse.APP_REDIRECT) + "&scope=openid&state=outage-state");
      browser.authorize(authorization, TestGatehouse.USER, TestGatehouse.PASSWORD);
      LoginLoad load = new LoginLoad(client, new CrashWindow());
      load.start(2);
      Thread.sleep(2_000);

      postgres.stop();
      long stoppedAt = System.nanoTime();
      assertThat(status(gatehouse, "/api/health")).isEqualTo(200);
      assertThat(status(gatehouse, "/api/health/ready")).isEqualTo(503);
      assertThat(status(gatehouse, "/.well-known/openid-configuration")).isEqualTo(200);
      assertThat(status(gatehouse, "/jwks.json")).isEqualTo(200);
      assertUnavailableJson(userinfo(gatehouse, issued.accessToken()));
      assertUnavailableJson(client.post("/api/oidc/token", Map.of("grant_type", "refresh_token",
          "refresh_token", issued.refreshToken())));
      assertUnavailablePage(browser.get(authorization));
      assertUnavailablePage(browser.get(URI.create(gatehouse.baseUrl() + "/")));
      assertUnavailablePage(browser.get(URI.create(gatehouse.baseUrl() + "/api/oidc/end-session?client_id=app"
          + "&id_token_hint=" + issued.idToken())));
      Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));

      postgres.resume();
      long resumedAt = System.nanoTime();
      long recoveryMillis = untilATokenIsIssued(client) / 1_000_000 - resumedAt / 1_000_000;
      Thread.sleep(1_000);
      load.stop();

      List<LoginLoad.Attempt> during = load.attempts().stream()
          .filter(attempt -> attempt.startNanos() > stoppedAt && attempt.endNanos() < resumedAt).toList();
      long failed = during.stream().filter(attempt -> attempt.failure() != null).count();
      System.out.printf("Outage: %d logins tried during %d s without PostgreSQL, %d failed (%.0f%%), all 503;"
              + " first token %d ms after PostgreSQL was back%n", during.size(), OUTAGE.toSeconds(), failed,
          during.isEmpty() ? 0.0 : 100.0 * failed / during.size(), recoveryMillis);
      assertThat(load.attempts()).allSatisfy(StorageOutageTest::assertSucceededOrUnavailable);
      assertThat(status(gatehouse, "/api/health/ready")).isEqualTo(200);
      assertThat(client.userinfo(issued.accessToken())).isNotBlank();
      assertThat(recoveryMillis).isLessThan(RECOVERY_LIMIT.toMillis());
    }
  }

  /** The nano time when a whole login ended with a token, trying until one does. */
  private static long untilATokenIsIssued(RelyingParty client) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        client.exchange(client.loginForCode(TestGatehouse.USER, TestGatehouse.PASSWORD));
        return System.nanoTime();
      } catch (Exception stillDown) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("no token within " + RECOVERY_LIMIT + " of PostgreSQL being back");
  }

  private static void assertSucceededOrUnavailable(LoginLoad.Attempt attempt) {
    if (attempt.failure() == null) {
      return;
    }
    assertThat(attempt.failure()).isInstanceOf(RelyingParty.UnexpectedAnswer.class);
    RelyingParty.UnexpectedAnswer answer = (RelyingParty.UnexpectedAnswer) attempt.failure();
    assertThat(answer.status).as(answer.getMessage()).isEqualTo(503);
    assertNoLeak(answer.body);
  }

  private static void assertUnavailableJson(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(response.body()).contains("\"error\":\"temporarily_unavailable\"");
    assertNoLeak(response.body());
  }

  private static void assertUnavailablePage(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("try again in a few seconds");
    assertNoLeak(response.body());
  }

  private static void assertNoLeak(String body) {
    assertThat(LEAKS).noneMatch(body::contains);
  }

  private HttpResponse<String> userinfo(TestGatehouse gatehouse, String accessToken) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/api/oidc/userinfo"))
        .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int status(TestGatehouse gatehouse, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
