package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenID Connect Core 3.1.2.1: prompt=none, prompt=login, max_age and login_hint. */
class PromptTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void promptNoneWithoutASessionAnswersLoginRequiredToTheClient() {
    HttpResponse<String> response = new UserAgent(gatehouse.baseUrl()).get(request("&prompt=none"));
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(APP_REDIRECT + "?error=login_required")
        .contains("state=0123456789abcdef").contains("iss=");
  }

  @Test
  void promptNoneWithASessionIssuesACodeSilently() {
    UserAgent browser = signedInBrowser();
    assertThat(browser.get(request("&prompt=none")).headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?code=");
  }

  @Test
  void promptLoginAsksForThePasswordAgainThenIssuesACode() {
    UserAgent browser = signedInBrowser();
    HttpResponse<String> again = browser.follow(browser.get(request("&prompt=login")));
    assertThat(again.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> back = browser.follow(browser.submitLogin(again.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
    HttpResponse<String> later = browser.follow(browser.get(request("&prompt=login")));
    assertThat(later.uri().getPath()).as("each prompt=login asks again").isEqualTo("/login");
  }

  @Test
  void maxAgeOlderThanTheLoginAsksAgain() throws Exception {
    UserAgent browser = signedInBrowser();
    assertThat(browser.get(request("&max_age=60")).headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?code=");
    Thread.sleep(2_100);
    assertThat(browser.follow(browser.get(request("&max_age=1"))).uri().getPath()).isEqualTo("/login");
  }

  @Test
  void invalidMaxAgeIsAnInvalidRequest() {
    assertThat(new UserAgent(gatehouse.baseUrl()).get(request("&max_age=soon")).headers()
        .firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?error=invalid_request");
  }

  @Test
  void loginHintPrefillsTheUsername() {
    HttpResponse<String> login = new UserAgent(gatehouse.baseUrl())
        .authorize(request("&login_hint=john"), TestGatehouse.USER, "wrong password");
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> page = browser.follow(browser.get(request("&login_hint=john")));
    assertThat(login.body()).contains("Incorrect username or password.");
    assertThat(page.body()).contains("value=\"john\"");
  }

  @Test
  void authorizationRequestSentAsPostSurvivesTheLogin() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> login = browser.follow(browser.post(URI.create(gatehouse.baseUrl() + "/api/oidc/authorization"),
        java.util.Map.of("response_type", "code", "client_id", "app", "redirect_uri", APP_REDIRECT,
            "scope", "openid email", "state", "posted-state-0123")));
    assertThat(login.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> back = browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .startsWith(APP_REDIRECT + "?code=").contains("state=posted-state-0123");
  }

  private static UserAgent signedInBrowser() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> first = browser.authorize(request(""), TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(first.headers().firstValue("Location").orElseThrow()).startsWith(APP_REDIRECT + "?code=");
    return browser;
  }

  private static URI request(String extra) {
    return URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=openid&state=0123456789abcdef" + extra);
  }
}
