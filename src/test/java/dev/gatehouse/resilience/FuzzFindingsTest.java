package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.RawHttp;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The requests {@link EndpointFuzzTest} found answered with a 500 or a logged stack trace, each pinned. */
@ExtendWith(OutputCaptureExtension.class)
class FuzzFindingsTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static RawHttp http;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS);
    http = new RawHttp("127.0.0.1", gatehouse.port(), 10_000);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void errorPageRequestedDirectlyIsNotFound() throws Exception {
    assertThat(send("GET /error", "", "").status()).isEqualTo(404);
  }

  @Test
  void multipartContentTypeIsIgnoredSinceNothingIsUploaded() throws Exception {
    assertThat(send("GET /api/health", "Content-Type: multipart/form-data\r\n", "").status()).isEqualTo(200);
    assertThat(send("POST /login", "Content-Type: multipart/form-data; boundary=\r\n", "--\r\n").status())
        .isBetween(300, 499);
  }

  @Test
  void formBodyOfAPatchIsNotParsed() throws Exception {
    RawHttp.Answer answer = send("PATCH /api/oidc/userinfo",
        "Content-Type: application/x-www-form-urlencoded\r\n", "a=\u00c3\u0028\u00ff");
    assertThat(answer.status()).isBetween(400, 499);
  }

  @Test
  void undecodableParametersAreABadRequestWithoutAStackTrace(CapturedOutput log) throws Exception {
    RawHttp.Answer page = send("GET /login?error=%ZZ", "Accept: text/html\r\n", "");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.text()).contains("Content-Type: text/html").contains("could not read this request");
    RawHttp.Answer token = send("POST /api/oidc/token", "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Authorization: " + appCredentials() + "\r\n", "grant_type=authorization_code&code=%C3%28");
    assertThat(token.status()).isEqualTo(400);
    assertThat(token.body()).contains("\"error\":\"invalid_request\"");
    assertThat(log.getAll()).doesNotContain("Servlet.service()").doesNotContain("\tat ");
  }

  @Test
  void bodyBrokenOffIsABadRequest() throws Exception {
    RawHttp.Answer answer = send("POST /api/oidc/end-session", "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
  }

  /** Spring Authorization Server's client authentication cast the second code to a string (spring-security#19227). */
  @Test
  void repeatedParameterAtTheTokenEndpointIsAnInvalidRequest() throws Exception {
    RawHttp.Answer answer = send("POST /api/oidc/token", "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Authorization: " + appCredentials() + "\r\n", "grant_type=authorization_code&code=one&code=two");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error\":\"invalid_request\"").contains("code");
  }

  private static RawHttp.Answer send(String requestLine, String headers, String body) throws Exception {
    String request = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
        + (body.isEmpty() || headers.contains("Transfer-Encoding") ? "" : "Content-Length: " + body.length() + "\r\n")
        + "Connection: close\r\n\r\n" + body;
    return http.exchange(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String appCredentials() {
    return "Basic " + Base64.getEncoder().encodeToString(("app:" + TestGatehouse.APP_SECRET)
        .getBytes(StandardCharsets.UTF_8));
  }
}
