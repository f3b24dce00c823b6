package dev.gatehouse.telemetry;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telemetry.metrics}: Prometheus's text format on its own port, with Authelia's metric names,
 * after what an operator wants to see counted: a failed and a successful sign-in, a token response.
 */
class MetricsTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static int metricsPort;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    metricsPort = TestGatehouse.freePort();
    gatehouse = TestGatehouse.startWithOverrides(directory, TestGatehouse.ONE_FACTOR_CLIENTS, """
        telemetry:
          metrics:
            enabled: true
            address: 'tcp://127.0.0.1:%d/metrics'
        """.formatted(metricsPort));
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void aSignInAndATokenResponseAreCountedWithAutheliasNames() throws Exception {
    new UserAgent(gatehouse.baseUrl()).authorize(authorization(), TestGatehouse.USER, "wrong password");
    HttpResponse<String> back = new UserAgent(gatehouse.baseUrl())
        .authorize(authorization(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    String code = URLDecoder.decode(back.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/api/oidc/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("app:" + TestGatehouse.APP_SECRET).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&redirect_uri="
            + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.statusCode()).isEqualTo(200);

    HttpResponse<String> scrape = scrape("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    String metrics = scrape.body();
    assertThat(value(metrics, "authelia_authn_total{banned=\"false\",success=\"true\"}")).isEqualTo(1);
    assertThat(value(metrics, "authelia_authn_total{banned=\"false\",success=\"false\"}")).isEqualTo(1);
    assertThat(value(metrics, "gatehouse_tokens_issued_total{grant_type=\"authorization_code\"}")).isEqualTo(1);
    assertThat(value(metrics,
        "authelia_request_duration_openid_connect_seconds_count{code=\"200\",endpoint=\"token\"}")).isEqualTo(1);
    assertThat(value(metrics, "authelia_request_total{code=\"302\",method=\"GET\"}")).isPositive();
    assertThat(metrics).contains("authelia_request_duration_seconds_bucket{code=\"200\",le=\"0.005\"}");
  }

  @Test
  void onlyTheMetricsPathIsServed() throws Exception {
    assertThat(scrape("/elsewhere").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> scrape(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double value(String metrics, String series) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    assertThat(line.find()).as("%s in:%n%s", series, metrics).isTrue();
    return Double.parseDouble(line.group(1));
  }

  private static URI authorization() {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=openid&state=0123456789abcdef");
  }
}
