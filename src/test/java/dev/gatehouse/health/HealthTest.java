package dev.gatehouse.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthTest {

  @Test
  void livenessAndReadinessAnswerWithoutSigningInAndSayNothingMore(@TempDir Path directory) throws Exception {
    try (TestGatehouse gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS)) {
      for (String path : new String[] {"/api/health", "/api/health/ready"}) {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
      }
    }
  }
}
