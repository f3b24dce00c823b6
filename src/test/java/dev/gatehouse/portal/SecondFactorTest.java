package dev.gatehouse.portal;

import static dev.gatehouse.testing.TestGatehouse.CHAT_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.NotificationFile;
import dev.gatehouse.testing.Race;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two_factor client over real HTTP: enrolment inside the first login, then password + TOTP,
 * replay refused, and no code for a password alone by any path.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorTest {

  private static final Pattern SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7 ]+)</code>");

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
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
  void firstLoginEnrolsADeviceAndIssuesACodeOnlyAfterIt() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> afterPassword = browser.authorize(authorizationRequest(), TestGatehouse.USER,
        TestGatehouse.PASSWORD);
    assertThat(afterPassword.uri().getPath()).isEqualTo("/totp/enrol");
    assertThat(afterPassword.body()).contains("j…@example.com").contains("autocomplete=\"one-time-code\"");

    String oneTimeCode = NotificationFile.oneTimeCode(gatehouse.notificationFile());
    HttpResponse<String> devicePage = browser.submit(afterPassword, "/totp/enrol/identity", Map.of("code", oneTimeCode));
    assertThat(devicePage.uri().getPath()).isEqualTo("/totp/enrol");
    assertThat(devicePage.body()).contains("<img class=\"qr\" src=\"data:image/png;base64,").contains("otpauth://totp/");
    Matcher secret = SECRET.matcher(devicePage.body());
    assertThat(secret.find()).as(devicePage.body()).isTrue();
    phone = new AuthenticatorApp(secret.group(1));

    HttpResponse<String> back = browser.submit(devicePage, "/totp/enrol/device", Map.of("code", phone.code(0)));
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(CHAT_REDIRECT + "?code=");
  }

  @Test
  @Order(2)
  void laterLoginAsksPasswordThenCodeAndRefusesAReplayedCode() {
    String nextCode = phone.code(1);
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> totpPage = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(totpPage.uri().getPath()).isEqualTo("/login/totp");
    assertThat(totpPage.body()).contains("inputmode=\"numeric\"").contains("autocomplete=\"one-time-code\"");
    HttpResponse<String> back = browser.submit(totpPage, "/login/totp", Map.of("code", nextCode));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(CHAT_REDIRECT + "?code=");

    UserAgent attacker = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> attackerTotp = attacker.authorize(authorizationRequest(), TestGatehouse.USER,
        TestGatehouse.PASSWORD);
    HttpResponse<String> refused = attacker.submit(attackerTotp, "/login/totp", Map.of("code", nextCode));
    assertThat(refused.uri().getPath()).isEqualTo("/login/totp");
    assertThat(refused.body()).contains("already used");
    assertThat(attacker.follow(attacker.get(authorizationRequest())).uri().getPath()).isEqualTo("/login/totp");
  }

  @Test
  @Order(3)
  void passwordAloneNeverGetsACodeNorDoesAnOldSessionId() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> totpPage = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(totpPage.uri().getPath()).isEqualTo("/login/totp");
    String passwordOnlySession = browser.cookie("authelia_session").orElseThrow();

    HttpResponse<String> direct = browser.get(authorizationRequest());
    assertThat(direct.headers().firstValue("Location").orElseThrow()).doesNotContain("code=")
        .endsWith("/login/second-factor");
    HttpResponse<String> consentPost = browser.post(URI.create(gatehouse.baseUrl() + "/api/oidc/authorization"),
        Map.of("client_id", "chat", "state", "whatever", "scope", "openid"));
    assertThat(consentPost.headers().firstValue("Location").orElse("")).doesNotContain("code=");
    browser.get(authorizationRequest());

    HttpResponse<String> back = browser.submit(totpPage, "/login/totp", Map.of("code", phone.code(-1)));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(CHAT_REDIRECT + "?code=");
    assertThat(browser.cookie("authelia_session").orElseThrow()).isNotEqualTo(passwordOnlySession);

    UserAgent thief = new UserAgent(gatehouse.baseUrl());
    thief.setCookie("authelia_session", passwordOnlySession);
    HttpResponse<String> stolen = thief.get(authorizationRequest());
    assertThat(stolen.headers().firstValue("Location").orElseThrow()).doesNotContain("code=").endsWith("/login");
  }

  @Test
  @Order(4)
  void userRemovesTheDeviceAfterConfirmingByMailAndIsEnrolledAnewNextTime() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> totpPage = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    browser.submit(totpPage, "/login/totp", Map.of("code", phone.code(2)));
    HttpResponse<String> home = browser.follow(browser.get(URI.create(gatehouse.baseUrl() + "/")));
    assertThat(home.body()).contains("Registered on");

    HttpResponse<String> identity = browser.follow(browser.get(URI.create(gatehouse.baseUrl() + "/totp/enrol")));
    HttpResponse<String> devicePage = browser.submit(identity, "/totp/enrol/identity",
        Map.of("code", NotificationFile.oneTimeCode(gatehouse.notificationFile())));
    assertThat(devicePage.body()).contains("This replaces the device you registered before");
    HttpResponse<String> removed = browser.submit(devicePage, "/totp/remove", Map.of());
    assertThat(removed.body()).contains("Your TOTP device was removed").contains("No authenticator app is registered");

    HttpResponse<String> next = new UserAgent(gatehouse.baseUrl()).authorize(authorizationRequest(),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(next.uri().getPath()).isEqualTo("/totp/enrol");
  }

  @Test
  @Order(5)
  void wrongOneTimeCodeIsRefusedAndKeepsTheDevicePageClosed() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> identity = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    HttpResponse<String> refused = browser.submit(identity, "/totp/enrol/identity", Map.of("code", "WRONG234"));
    assertThat(refused.uri().getPath()).isEqualTo("/totp/enrol");
    assertThat(refused.body()).contains("not right").doesNotContain("otpauth://");
  }

  /** The mailed code is single-use in storage: eight requests racing with it are let through once. */
  @Test
  @Order(6)
  void aOneTimeCodeSubmittedByEightRequestsAtOnceIsAcceptedOnce() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> identity = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    String oneTimeCode = NotificationFile.oneTimeCode(gatehouse.notificationFile());

    List<HttpResponse<String>> answers = Race.of(8,
        () -> browser.submitOnce(identity, "/totp/enrol/identity", Map.of("code", oneTimeCode)));

    assertThat(answers).extracting(answer -> answer.headers().firstValue("Location").orElseThrow())
        .filteredOn(location -> location.endsWith("/totp/enrol")).hasSize(1);
    assertThat(answers).extracting(answer -> answer.headers().firstValue("Location").orElseThrow())
        .filteredOn(location -> location.endsWith("/totp/enrol?error=code")).hasSize(7);
  }

  /** Five tries per code, however many arrive at once: a burst of guesses spends the code. */
  @Test
  @Order(7)
  void aBurstOfWrongOneTimeCodesSpendsTheCode() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> identity = browser.authorize(authorizationRequest(), TestGatehouse.USER, TestGatehouse.PASSWORD);
    String oneTimeCode = NotificationFile.oneTimeCode(gatehouse.notificationFile());

    Race.of(20, () -> browser.submitOnce(identity, "/totp/enrol/identity", Map.of("code", "WRONG234")));

    HttpResponse<String> right = browser.submitOnce(identity, "/totp/enrol/identity", Map.of("code", oneTimeCode));
    assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/totp/enrol?error=code");
    assertThat(browser.follow(right).body()).doesNotContain("otpauth://");
  }

  private static URI authorizationRequest() {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=chat"
        + "&redirect_uri=" + URLEncoder.encode(CHAT_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=openid%20profile%20email&state=0123456789abcdef");
  }
}
