package dev.gatehouse.security;

import static dev.gatehouse.testing.TestGatehouse.CHAT_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.NotificationFile;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.TotpEnrolment;
import dev.gatehouse.testing.UserAgent;
import dev.gatehouse.totp.TotpDevices;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every portal form refuses a POST without its CSRF token, or with a forged one, with {@code 403}
 * and no effect (RFC 6749 section 10.12, RFC 9700 section 4.7): the steps of one user's first
 * two-factor login, in order, each forged before it is done for real.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalCsrfTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static UserAgent browser;
  static HttpResponse<String> page;
  static AuthenticatorApp phone;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.start(directory, TestGatehouse.TWO_FACTOR_CLIENTS);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  @Order(1)
  @DisplayName("RFC 6749 §10.12: a forged login form signs no one in")
  void login() {
    UserAgent forger = new UserAgent(gatehouse.baseUrl());
    forger.follow(forger.get(authorizationRequest()));
    assertForgeriesRefused(forger, "/login",
        Map.of("username", TestGatehouse.USER, "password", TestGatehouse.PASSWORD));
    assertThat(forger.follow(forger.get(authorizationRequest())).uri().getPath()).isEqualTo("/login");

    browser = new UserAgent(gatehouse.baseUrl());
    page = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(page.uri().getPath()).isEqualTo("/totp/enrol");
  }

  @Test
  @Order(2)
  @DisplayName("RFC 6749 §10.12: a forged enrolment identity form elevates nothing")
  void enrolmentIdentity() {
    String oneTimeCode = NotificationFile.oneTimeCode(gatehouse.notificationFile());
    assertForgeriesRefused(browser, "/totp/enrol/identity", Map.of("code", oneTimeCode));
    assertThat(browser.get(uri("/totp/enrol")).body()).contains("/totp/enrol/identity").doesNotContain("id=\"secret\"");

    page = browser.submit(page, "/totp/enrol/identity", Map.of("code", oneTimeCode));
    phone = new AuthenticatorApp(TotpEnrolment.secretOn(page));
  }

  @Test
  @Order(3)
  @DisplayName("RFC 6749 §10.12: a forged enrolment device form adds no device")
  void enrolmentDevice() {
    assertForgeriesRefused(browser, "/totp/enrol/device", Map.of("code", phone.code(0)));
    assertThat(gatehouse.bean(TotpDevices.class).has(TestGatehouse.USER)).isFalse();

    HttpResponse<String> back = browser.submit(page, "/totp/enrol/device", Map.of("code", phone.code(0)));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(CHAT_REDIRECT + "?code=");
  }

  @Test
  @Order(4)
  @DisplayName("RFC 6749 §10.12: a forged TOTP form proves no second factor")
  void totp() {
    browser = new UserAgent(gatehouse.baseUrl());
    page = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(page.uri().getPath()).isEqualTo("/login/totp");
    assertForgeriesRefused(browser, "/login/totp", Map.of("code", phone.code(1)));
    assertThat(browser.follow(browser.get(authorizationRequest())).uri().getPath()).isEqualTo("/login/totp");

    HttpResponse<String> back = browser.submit(page, "/login/totp", Map.of("code", phone.code(1)));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(CHAT_REDIRECT + "?code=");
  }

  @Test
  @Order(5)
  @DisplayName("RFC 6749 §10.12: a forged remove-device form removes nothing, even in an elevated session")
  void removeDevice() {
    HttpResponse<String> identityStep = browser.follow(browser.get(uri("/totp/enrol")));
    browser.submit(identityStep, "/totp/enrol/identity",
        Map.of("code", NotificationFile.oneTimeCode(gatehouse.notificationFile())));
    assertForgeriesRefused(browser, "/totp/remove", Map.of());
    assertThat(gatehouse.bean(TotpDevices.class).has(TestGatehouse.USER)).isTrue();
  }

  @Test
  @Order(6)
  @DisplayName("RFC 6749 §10.12: a forged logout form signs no one out")
  void logout() {
    HttpResponse<String> home = browser.get(uri("/"));
    assertThat(home.statusCode()).isEqualTo(200);
    assertForgeriesRefused(browser, "/logout", Map.of());
    assertThat(browser.get(uri("/")).statusCode()).isEqualTo(200);

    browser.submit(home, "/logout", Map.of());
    assertThat(browser.get(uri("/")).headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  private static void assertForgeriesRefused(UserAgent agent, String action, Map<String, String> fields) {
    Map<String, String> forged = new HashMap<>(fields);
    assertThat(agent.post(uri(action), forged).statusCode()).as("POST %s without a CSRF token", action)
        .isEqualTo(403);
    forged.put("_csrf", "forged-token");
    assertThat(agent.post(uri(action), forged).statusCode()).as("POST %s with a forged CSRF token", action)
        .isEqualTo(403);
  }

  private static URI uri(String path) {
    return URI.create(gatehouse.baseUrl() + path);
  }

  private static URI authorizationRequest() {
    return uri("/api/oidc/authorization?response_type=code&client_id=chat&redirect_uri="
        + URLEncoder.encode(CHAT_REDIRECT, StandardCharsets.UTF_8) + "&scope=openid%20profile&state=0123456789abcdef");
  }
}
