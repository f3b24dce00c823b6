package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.RawHttp;
import dev.gatehouse.testing.TestGatehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gatehouse configured with its address ({@code session.cookies[].authelia_url}) answers only at
 * that address and on loopback: a forged {@code Host}, or a forged {@code X-Forwarded-Host} from
 * an address whose proxy headers are believed, gets a 400 and never a document, redirect or page
 * naming that host. Sent directly, and through Debian's nginx terminating TLS as admins run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredIssuerTest {

  private static final String DISCOVERY = "/.well-known/openid-configuration";

  TestGatehouse gatehouse;
  NginxProxy nginx;
  ThrowawayCa tls;
  String issuer;
  String proxyAuthority;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    Path nginxBinary = NginxProxy.binary();
    tls = ThrowawayCa.create(Files.createDirectories(directory.resolve("tls")));
    int proxyPort = TestGatehouse.freePort();
    proxyAuthority = "auth.example.com:" + proxyPort;
    issuer = "https://" + proxyAuthority;
    gatehouse = TestGatehouse.startWithOverrides(directory, TestGatehouse.ONE_FACTOR_CLIENTS, """
        session:
          cookies:
            - domain: 'example.com'
              authelia_url: '%s'
        """.formatted(issuer));
    nginx = NginxProxy.start(nginxBinary, Files.createDirectories(directory.resolve("nginx")), tls, proxyPort,
        TestGatehouse.freePort(), gatehouse.port(), Files.createDirectories(directory.resolve("avatars")));
  }

  @AfterAll
  void stop() {
    try {
      if (nginx != null) {
        nginx.close();
      }
    } finally {
      if (gatehouse != null) {
        gatehouse.close();
      }
    }
  }

  @Test
  void aForgedHostGetsAnOAuthErrorAndNoDocument() throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      RawHttp.Answer answer = direct("GET " + DISCOVERY, "Host: evil.example");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).contains("\"error\":\"invalid_request\"").doesNotContain("evil.example");
    }
  }

  @Test
  void aForgedForwardedHostFromATrustedProxyAddressIsRefused() throws Exception {
    RawHttp.Answer answer = direct("GET " + DISCOVERY, "Host: 127.0.0.1:" + gatehouse.port(),
        "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("evil.example");
  }

  @Test
  void theConfiguredAddressForwardedByTheProxyIsTheIssuer() throws Exception {
    RawHttp.Answer answer = direct("GET " + DISCOVERY, "Host: 127.0.0.1:" + gatehouse.port(),
        "X-Forwarded-Proto: https", "X-Forwarded-Host: " + proxyAuthority);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"issuer\":\"" + issuer + "\"");
  }

  @Test
  void theConfiguredAddressOverPlainHttpIsNotTheIssuer() throws Exception {
    assertThat(direct("GET " + DISCOVERY, "Host: 127.0.0.1:" + gatehouse.port(), "X-Forwarded-Proto: http",
        "X-Forwarded-Host: " + proxyAuthority).status()).isEqualTo(400);
  }

  @Test
  void loopbackStaysOpenWithTheIssuerItNames() throws Exception {
    RawHttp.Answer answer = direct("GET " + DISCOVERY, "Host: 127.0.0.1:" + gatehouse.port());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"issuer\":\"http://127.0.0.1:" + gatehouse.port() + "\"");
    assertThat(direct("GET " + DISCOVERY, "Host: localhost:" + gatehouse.port()).body())
        .contains("\"issuer\":\"http://localhost:" + gatehouse.port() + "\"");
  }

  @Test
  void portalPagesAtAForgedHostArePagesNotRedirects() throws Exception {
    RawHttp.Answer login = direct("GET /login", "Host: evil.example", "Accept: text/html");
    assertThat(login.status()).isEqualTo(400);
    assertThat(login.text()).doesNotContain("Location:").contains("Content-Type: text/html");
    assertThat(login.body()).contains("Unknown address").doesNotContain("evil.example");

    RawHttp.Answer authorization = direct("GET /api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Foauth%2Fcallback&scope=openid&state=0123456789",
        "Host: evil.example", "Accept: text/html");
    assertThat(authorization.status()).isEqualTo(400);
    assertThat(authorization.text()).doesNotContain("Location:");
  }

  @Test
  void theTokenEndpointAtAForgedHostAnswersJson() throws Exception {
    RawHttp.Answer answer = new RawHttp("127.0.0.1", gatehouse.port(), 5_000).exchange(request(
        "POST /api/oidc/token", "grant_type=authorization_code&code=abc&redirect_uri=https%3A%2F%2Fapp.example.com",
        "Host: evil.example", "Content-Type: application/x-www-form-urlencoded"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error\":\"invalid_request\"");
  }

  @Test
  void healthChecksAnswerAtAnyAddress() throws Exception {
    assertThat(direct("GET /api/health", "Host: 10.0.0.7:9091").status()).isEqualTo(200);
  }

  @Test
  void throughNginxTheConfiguredHostIsAnsweredAndAForgedOneRefused() throws Exception {
    RawHttp.Answer configured = throughNginx("Host: " + proxyAuthority);
    assertThat(configured.status()).as(nginx.log()).isEqualTo(200);
    assertThat(configured.body()).contains("\"issuer\":\"" + issuer + "\"");

    RawHttp.Answer forgedHost = throughNginx("Host: evil.example:" + nginx.port());
    assertThat(forgedHost.status()).isEqualTo(400);
    assertThat(forgedHost.body()).doesNotContain("evil.example");

    // nginx replaces a client's X-Forwarded-Host with the Host it received, as the guides configure it.
    RawHttp.Answer forgedForwarded = throughNginx("Host: " + proxyAuthority, "X-Forwarded-Host: evil.example");
    assertThat(forgedForwarded.status()).isEqualTo(200);
    assertThat(forgedForwarded.body()).contains("\"issuer\":\"" + issuer + "\"").doesNotContain("evil.example");
  }

  private RawHttp.Answer direct(String requestLine, String... headers) throws IOException {
    return new RawHttp("127.0.0.1", gatehouse.port(), 5_000).exchange(request(requestLine, "", headers));
  }

  /** A discovery request to nginx over TLS, with headers no HTTP client lets a caller set. */
  private RawHttp.Answer throughNginx(String... headers) throws IOException {
    try (SSLSocket socket = (SSLSocket) tls.sslContext().getSocketFactory().createSocket("127.0.0.1", nginx.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request("GET " + DISCOVERY, "", headers));
      socket.getOutputStream().flush();
      return RawHttp.Answer.of(readAll(socket.getInputStream()));
    }
  }

  private static byte[] request(String requestLine, String body, String... headers) {
    StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nConnection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    if (!body.isEmpty()) {
      request.append("Content-Length: ").append(body.length()).append("\r\n");
    }
    return request.append("\r\n").append(body).toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    in.transferTo(received);
    return received.toString(StandardCharsets.ISO_8859_1);
  }
}
