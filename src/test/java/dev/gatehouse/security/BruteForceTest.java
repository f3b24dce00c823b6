package dev.gatehouse.security;

import static dev.gatehouse.testing.TestGatehouse.CHAT_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.TotpEnrolment;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Regulation against online guessing (RFC 6749 section 10.10, RFC 6819 sections 4.4.3.6 and
 * 5.1.4.2.3): three failures within two seconds ban the user or the address for two seconds. A
 * banned attempt is answered exactly like a wrong password or code, so a ban tells an attacker
 * nothing, and a ban ends by itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BruteForceTest {

  private static final Duration BAN_TIME = Duration.ofSeconds(2);
  private static final String REGULATION = """
      regulation:
        modes: ['user', 'ip']
        max_retries: 3
        find_time: '2s'
        ban_time: '2s'
      """;

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static AuthenticatorApp phone;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.startWithOverrides(directory, TestGatehouse.TWO_FACTOR_CLIENTS, REGULATION);
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> enrolment = browser.authorize(authorizationRequest(), TestGatehouse.USER,
        TestGatehouse.PASSWORD);
    phone = TotpEnrolment.complete(browser, enrolment, gatehouse.notificationFile()).phone();
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  @Order(1)
  @DisplayName("RFC 6819 §5.1.4.2.3 (user mode): wrong passwords from any addresses ban the user; while banned the"
      + " right password is answered like a wrong one; the ban expires")
  void passwordGuessesBanTheUser() throws InterruptedException {
    HttpResponse<String> wrong = null;
    for (int i = 1; i <= 3; i++) {
      wrong = signIn("203.0.113." + i, "guess-" + i);
    }
    Instant banned = Instant.now();
    HttpResponse<String> whileBanned = signIn("203.0.113.4", TestGatehouse.PASSWORD);
    assertLikeAWrongPassword(whileBanned, wrong);

    waitUntil(banned.plus(BAN_TIME));
    assertThat(signIn("203.0.113.4", TestGatehouse.PASSWORD).uri().getPath()).isEqualTo("/login/totp");
  }

  @Test
  @Order(2)
  @DisplayName("RFC 6819 §4.4.3.6 (ip mode): guesses at several usernames from one address ban the address for"
      + " everyone, and only there; the ban expires")
  void guessesFromOneAddressBanTheAddress() throws InterruptedException {
    HttpResponse<String> wrong = null;
    for (String username : new String[] {"alice", "bob", "carol"}) {
      wrong = signIn("198.51.100.7", username, "guess");
    }
    Instant banned = Instant.now();
    assertLikeAWrongPassword(signIn("198.51.100.7", TestGatehouse.PASSWORD), wrong);
    assertThat(signIn("198.51.100.8", TestGatehouse.PASSWORD).uri().getPath()).isEqualTo("/login/totp");

    waitUntil(banned.plus(BAN_TIME));
    assertThat(signIn("198.51.100.7", TestGatehouse.PASSWORD).uri().getPath()).isEqualTo("/login/totp");
  }

  @Test
  @Order(3)
  @DisplayName("RFC 6819 §5.1.4.2.3: wrong TOTP codes ban the user even after the right password; while banned the"
      + " right code is refused like a wrong one; the ban expires")
  void totpGuessesBanTheUser() throws InterruptedException {
    UserAgent browser = new UserAgent(gatehouse.baseUrl()).comingFrom("192.0.2.1");
    HttpResponse<String> totpPage = browser.authorize(authorizationRequest(), TestGatehouse.USER,
        TestGatehouse.PASSWORD);
    HttpResponse<String> wrong = null;
    for (int i = 0; i < 3; i++) {
      wrong = browser.submit(totpPage, "/login/totp", Map.of("code", wrongCode()));
      assertThat(wrong.body()).contains("That code is not right");
    }
    Instant banned = Instant.now();
    HttpResponse<String> whileBanned = browser.submit(totpPage, "/login/totp", Map.of("code", phone.code(1)));
    assertThat(whileBanned.statusCode()).isEqualTo(wrong.statusCode());
    assertThat(whileBanned.uri()).isEqualTo(wrong.uri());
    assertThat(withoutCsrf(whileBanned.body())).isEqualTo(withoutCsrf(wrong.body()));

    waitUntil(banned.plus(BAN_TIME));
    HttpResponse<String> back = browser.submit(totpPage, "/login/totp", Map.of("code", phone.code(1)));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(CHAT_REDIRECT + "?code=");
  }

  /** A code that none of the steps the verifier accepts (now, one back, one ahead) shows. */
  private static String wrongCode() {
    String code = "000000";
    while (code.equals(phone.code(-1)) || code.equals(phone.code(0)) || code.equals(phone.code(1))) {
      code = String.format("%06d", Integer.parseInt(code) + 1);
    }
    return code;
  }

  private static HttpResponse<String> signIn(String clientIp, String password) {
    return signIn(clientIp, TestGatehouse.USER, password);
  }

  /** A fresh browser signing in from {@code clientIp}; the page it ends on. */
  private static HttpResponse<String> signIn(String clientIp, String username, String password) {
    return new UserAgent(gatehouse.baseUrl()).comingFrom(clientIp).authorize(authorizationRequest(), username,
        password);
  }

  /** Same status, same page, same words: nothing but the CSRF token differs. */
  private static void assertLikeAWrongPassword(HttpResponse<String> response, HttpResponse<String> wrong) {
    assertThat(wrong.uri().toString()).endsWith("/login?error");
    assertThat(wrong.body()).contains("Incorrect username or password.");
    assertThat(response.statusCode()).isEqualTo(wrong.statusCode());
    assertThat(response.uri()).isEqualTo(wrong.uri());
    assertThat(withoutCsrf(response.body())).isEqualTo(withoutCsrf(wrong.body()));
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\"[^>]*value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  private static void waitUntil(Instant instant) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), instant);
    if (!left.isNegative()) {
      Thread.sleep(left.toMillis() + 100);
    }
  }

  private static URI authorizationRequest() {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=chat"
        + "&redirect_uri=" + URLEncoder.encode(CHAT_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=openid%20profile&state=0123456789abcdef");
  }
}
