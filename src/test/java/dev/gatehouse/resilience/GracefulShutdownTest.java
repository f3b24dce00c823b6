package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.GatehouseProcess;
import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as a container runtime sends it, while a token request is being answered: the request
 * completes (server.shutdown=graceful), then the process exits by itself, promptly.
 */
class GracefulShutdownTest {

  /** A client with the seed's secret digest, whose first check costs 0.3-1 s of PBKDF2. */
  private static final String SLOW_CLIENT = """
          clients:
            - client_id: 'slow'
              client_secret: '%s'
              authorization_policy: 'one_factor'
              consent_mode: 'implicit'
              redirect_uris: ['%s']
              scopes: ['openid', 'profile', 'email', 'offline_access']
              grant_types: ['authorization_code', 'refresh_token']
              token_endpoint_auth_method: 'client_secret_basic'
      """.formatted(TestGatehouse.SEED_DIGEST, TestGatehouse.APP_REDIRECT);
  /** Long enough for the request to reach Gatehouse, well short of the secret's check. */
  private static final long REQUEST_HEAD_START_MILLIS = 150;
  /** Shell convention for a process ended by SIGTERM (128 + 15), which the JVM exits with. */
  private static final int TERMINATED = 143;

  @Test
  void tokenRequestInFlightCompletesAndTheProcessExits(@TempDir Path directory) throws Exception {
    int port = TestGatehouse.freePort();
    Path configuration = TestGatehouse.writeConfiguration(directory, port, SLOW_CLIENT,
        TestGatehouse.storageLocal(directory), TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML);
    try (GatehouseProcess gatehouse = GatehouseProcess.start(port, configuration)) {
      RelyingParty client = new RelyingParty(gatehouse.baseUrl(), "slow", "insecure_secret", TestGatehouse.APP_REDIRECT);
      String code = client.loginForCode(TestGatehouse.USER, TestGatehouse.PASSWORD);

      long sentAt = System.nanoTime();
      CompletableFuture<HttpResponse<String>> token = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/api/oidc/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                  "slow:insecure_secret".getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
                  + RelyingParty.encode(code) + "&redirect_uri=" + RelyingParty.encode(TestGatehouse.APP_REDIRECT)))
              .build(), HttpResponse.BodyHandlers.ofString());
      CompletableFuture<Long> answeredAt = token.thenApply(answer -> System.nanoTime());
      Thread.sleep(REQUEST_HEAD_START_MILLIS);
      long terminatedAt = System.nanoTime();
      int exitCode = gatehouse.terminate(Duration.ofSeconds(15));
      long exitMillis = (System.nanoTime() - terminatedAt) / 1_000_000;

      HttpResponse<String> answer = token.get(5, TimeUnit.SECONDS);
      System.out.printf("Graceful shutdown: token answered %d after %d ms, SIGTERM %d ms after sending,"
              + " exit code %d %d ms after SIGTERM%n", answer.statusCode(), (System.nanoTime() - sentAt) / 1_000_000,
          REQUEST_HEAD_START_MILLIS, exitCode, exitMillis);
      assertThat(answeredAt.get()).as("answered after SIGTERM, so in flight when it came").isGreaterThan(terminatedAt);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("\"access_token\"");
      assertThat(exitCode).as(gatehouse.log()).isIn(0, TERMINATED);
      assertThat(exitMillis).isLessThan(10_000);
    }
  }
}
