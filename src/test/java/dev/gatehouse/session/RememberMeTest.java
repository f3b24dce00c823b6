package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session.remember_me}: the "Remember me" box keeps a sign-in in a cookie that outlives the
 * browser, for {@code remember_me}, through any inactivity; without it the cookie ends with the
 * browser and inactivity signs the user out. {@code remember_me: -1} takes the box away.
 */
class RememberMeTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.startWithOverrides(directory, TestGatehouse.ONE_FACTOR_CLIENTS, """
        session:
          inactivity: '2s'
          expiration: '1h'
          remember_me: '3h'
        """);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void aRememberedSignInOutlivesInactivityInACookieKeptForRememberMe() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> signedIn = signIn(browser, Map.of(RememberMe.PARAMETER, "on"));
    assertThat(sessionCookie(signedIn)).contains("Max-Age=10800").contains("HttpOnly").contains("SameSite=Lax");

    Thread.sleep(3_000);
    assertThat(browser.follow(home(browser)).uri().getPath()).as("still signed in after 3 s idle").isEqualTo("/");
  }

  @Test
  void withoutTheBoxTheCookieEndsWithTheBrowserAndInactivitySignsOut() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> signedIn = signIn(browser, Map.of());
    assertThat(sessionCookie(signedIn)).doesNotContain("Max-Age").doesNotContain("Expires");

    Thread.sleep(3_000);
    assertThat(browser.follow(home(browser)).uri().getPath()).as("signed out after 3 s idle").isEqualTo("/login");
  }

  @Test
  void rememberMeMinusOneTakesTheBoxAway() throws Exception {
    Path elsewhere = Files.createDirectories(directory.resolve("no-remember-me"));
    try (TestGatehouse without = TestGatehouse.startWithOverrides(elsewhere, TestGatehouse.ONE_FACTOR_CLIENTS, """
        session:
          remember_me: -1
        """)) {
      UserAgent browser = new UserAgent(without.baseUrl());
      String page = browser.follow(browser.get(URI.create(without.baseUrl() + "/login"))).body();
      assertThat(page).contains("name=\"password\"").doesNotContain(RememberMe.PARAMETER);
    }
    String page = new UserAgent(gatehouse.baseUrl()).get(URI.create(gatehouse.baseUrl() + "/login")).body();
    assertThat(page).contains("name=\"" + RememberMe.PARAMETER + "\"").contains("Remember me");
  }

  private static HttpResponse<String> signIn(UserAgent browser, Map<String, String> extra) {
    HttpResponse<String> login = browser.follow(home(browser));
    Map<String, String> fields = new java.util.HashMap<>(extra);
    fields.put("username", TestGatehouse.USER);
    fields.put("password", TestGatehouse.PASSWORD);
    HttpResponse<String> signedIn = browser.submitOnce(login, "/login", fields);
    assertThat(signedIn.headers().firstValue("Location")).hasValue(gatehouse.baseUrl() + "/");
    return signedIn;
  }

  private static HttpResponse<String> home(UserAgent browser) {
    return browser.get(URI.create(gatehouse.baseUrl() + "/"));
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("authelia_session="))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
  }
}
