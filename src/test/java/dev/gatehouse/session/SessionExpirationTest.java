package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session.expiration}: a sign-in ends that long after its password, however busy the user. */
class SessionExpirationTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.startWithOverrides(directory, TestGatehouse.ONE_FACTOR_CLIENTS, """
        session:
          expiration: '3s'
          inactivity: '1h'
        """);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  void anActiveSessionEndsAtItsExpiration() throws Exception {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    URI home = URI.create(gatehouse.baseUrl() + "/");
    HttpResponse<String> login = browser.follow(browser.get(home));
    assertThat(login.uri().getPath()).isEqualTo("/login");
    browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER, TestGatehouse.PASSWORD));

    for (int second = 0; second < 2; second++) {
      assertThat(browser.follow(browser.get(home)).uri().getPath()).as("still signed in").isEqualTo("/");
      Thread.sleep(1_000);
    }
    Thread.sleep(1_500);
    assertThat(browser.follow(browser.get(home)).uri().getPath()).as("expired though active").isEqualTo("/login");
  }
}
