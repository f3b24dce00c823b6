package dev.gatehouse.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.testing.GatehouseProcess;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log.format: json} as an operator's log shipper reads it: every line a JSON object with
 * time, level and message; and an audit line for a failed and a successful sign-in, a consent, a
 * token response, a revocation and a logout, each with the user, the client, the source address
 * and the request's id, and no password or secret.
 */
class AuditLogTest {

  @TempDir
  Path directory;

  @Test
  void everyLineIsJsonAndWhatAUserAndAClientDidIsAudited() throws Exception {
    int port = TestGatehouse.freePort();
    Path configuration = TestGatehouse.writeConfiguration(directory, port,
        TestGatehouse.ONE_FACTOR_CLIENTS.replaceFirst("consent_mode: 'implicit'", "consent_mode: 'explicit'"),
        TestGatehouse.storageLocal(directory), TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML);
    Path overrides = Files.writeString(directory.resolve("log.yml"), "log:\n  level: 'info'\n  format: 'json'\n");
    String log;
    try (GatehouseProcess gatehouse = GatehouseProcess.start(port, configuration, overrides)) {
      URI authorization = URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code"
          + "&client_id=app&redirect_uri=" + URLEncoder.encode(TestGatehouse.APP_REDIRECT, StandardCharsets.UTF_8)
          + "&scope=openid&state=0123456789abcdef");
      new UserAgent(gatehouse.baseUrl()).authorize(authorization, TestGatehouse.USER, "not-the-password");
      UserAgent browser = new UserAgent(gatehouse.baseUrl());
      HttpResponse<String> consent = browser.authorize(authorization, TestGatehouse.USER, TestGatehouse.PASSWORD);
      String location = browser.submitForm(consent, Map.of("decision", "accept")).headers()
          .firstValue("Location").orElseThrow();
      String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
      Map<String, Object> tokens = JSONObjectUtils.parse(client(gatehouse, "/api/oidc/token",
          "grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
              + "&redirect_uri=" + URLEncoder.encode(TestGatehouse.APP_REDIRECT, StandardCharsets.UTF_8)).body());
      client(gatehouse, "/api/oidc/revocation", "token=" + tokens.get("access_token"));
      browser.get(URI.create(gatehouse.baseUrl() + "/api/oidc/end-session?client_id=app"));
      gatehouse.terminate(Duration.ofSeconds(30));
      log = gatehouse.log();
    }

    List<Map<String, Object>> lines = log.lines().filter(line -> !line.isBlank()).map(AuditLogTest::json).toList();
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).containsKeys("time", "level", "msg"));
    List<Map<String, Object>> audit = lines.stream().filter(line -> "audit".equals(line.get("logger"))).toList();
    assertThat(audit).extracting(line -> line.get("msg")).containsExactly(
        "First factor failed for user 'john' from 127.0.0.1",
        "First factor succeeded for user 'john' from 127.0.0.1",
        "Consent given by user 'john' to client 'app' for scopes [openid] from 127.0.0.1",
        "Tokens issued to client 'app' for user 'john' by grant 'authorization_code' with scopes [openid] from"
            + " 127.0.0.1",
        "Token revoked by client 'app' for user 'john' from 127.0.0.1",
        "Signed out user 'john' at the request of client 'app' from 127.0.0.1");
    assertThat(audit).allSatisfy(line -> assertThat(line).containsEntry("level", "info")
        .containsEntry("remote_ip", "127.0.0.1").containsKey("request_id"));
    assertThat(log).doesNotContain("not-the-password").doesNotContain(TestGatehouse.PASSWORD)
        .doesNotContain(TestGatehouse.APP_SECRET);
  }

  private static HttpResponse<String> client(GatehouseProcess gatehouse, String path, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("app:" + TestGatehouse.APP_SECRET).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(String line) {
    try {
      return JSONObjectUtils.parse(line);
    } catch (ParseException e) {
      throw new AssertionError("not a JSON object: " + line, e);
    }
  }
}
