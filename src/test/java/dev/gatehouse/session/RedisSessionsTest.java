package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TemporaryPostgres;
import dev.gatehouse.testing.TemporaryRedis;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.TotpEnrolment;
import dev.gatehouse.testing.UserAgent;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session.redis}: two instances on one PostgreSQL and one Redis serve one browser as if they
 * were one, whichever gets each request; what Redis holds is unreadable without {@code session.secret};
 * a Redis that lost its data, or sessions sealed under another secret, only ask users to sign in again.
 */
class RedisSessionsTest {

  private static final String COOKIE = "authelia_session";

  @TempDir
  static Path directory;
  static TemporaryPostgres postgres;
  static TemporaryRedis redis;
  static TestGatehouse first;
  static TestGatehouse second;

  @BeforeAll
  static void start() throws Exception {
    redis = TemporaryRedis.start();
    postgres = TemporaryPostgres.start();
    first = instance("first", redis.sessionYaml());
    second = instance("second", redis.sessionYaml());
  }

  private static TestGatehouse instance(String name, String sessionYaml) throws Exception {
    return TestGatehouse.startOnStorage(Files.createDirectories(directory.resolve(name)),
        TestGatehouse.TWO_FACTOR_CLIENTS, postgres.storageYaml(), sessionYaml);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable running : new AutoCloseable[] {first, second, postgres, redis}) {
      try {
        if (running != null) {
          running.close();
        }
      } catch (Exception ignored) {
        // Stop the others whatever happened to this one.
      }
    }
  }

  @Test
  void aSignInBegunOnOneInstanceEndsOnTheOtherAndASignOutOnEitherEndsItEverywhere() {
    UserAgent browser = new UserAgent(first.baseUrl());
    HttpResponse<String> loginOnFirst = browser.follow(browser.get(URI.create(first.baseUrl() + "/")));
    assertThat(loginOnFirst.uri().getPath()).isEqualTo("/login");

    HttpResponse<String> signedIn = browser.post(URI.create(second.baseUrl() + "/login"),
        Map.of("username", TestGatehouse.USER, "password", TestGatehouse.PASSWORD, "_csrf", csrf(loginOnFirst)));
    assertThat(signedIn.headers().firstValue("Location")).as("back to the page asked of the first instance")
        .hasValue(first.baseUrl() + "/");

    HttpResponse<String> homeOnFirst = browser.get(URI.create(first.baseUrl() + "/"));
    HttpResponse<String> homeOnSecond = browser.get(URI.create(second.baseUrl() + "/"));
    assertThat(List.of(homeOnFirst.statusCode(), homeOnSecond.statusCode())).containsExactly(200, 200);
    assertThat(homeOnFirst.body()).contains(TestGatehouse.USER);
    assertThat(homeOnSecond.body()).contains(TestGatehouse.USER);

    HttpResponse<String> signedOut = browser.post(URI.create(second.baseUrl() + "/logout"),
        Map.of("_csrf", csrf(homeOnFirst)));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(browser.follow(browser.get(URI.create(first.baseUrl() + "/"))).uri().getPath())
        .as("signed out on the first instance too").isEqualTo("/login");
  }

  @Test
  void aTwoFactorSignInWithItsTotpEnrolmentHopsBetweenInstancesAndEndsWithACodeEitherRedeems() throws Exception {
    URI authorization = URI.create(first.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=chat"
        + "&redirect_uri=" + URLEncoder.encode(TestGatehouse.CHAT_REDIRECT, StandardCharsets.UTF_8)
        + "&scope=openid&state=0123456789abcdef");
    UserAgent onFirst = new UserAgent(first.baseUrl());
    HttpResponse<String> identityPage = onFirst.authorize(authorization, TestGatehouse.USER, TestGatehouse.PASSWORD);
    assertThat(identityPage.uri().getPath()).isEqualTo("/totp/enrol");

    UserAgent onSecond = new UserAgent(second.baseUrl());
    onSecond.setCookie(COOKIE, onFirst.cookie(COOKIE).orElseThrow());
    TotpEnrolment.Result enrolled = TotpEnrolment.complete(onSecond, identityPage, first.notificationFile());
    URI backToAuthorization = URI.create(enrolled.response().headers().firstValue("Location").orElseThrow());
    assertThat(backToAuthorization.toString()).startsWith(first.baseUrl() + "/api/oidc/authorization?");

    String renewedSession = enrolled.response().headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(COOKIE + "=")).findFirst().orElseThrow()
        .replaceAll("^[^=]+=([^;]*).*", "$1");
    assertThat(renewedSession).as("a new session id with the second factor").isNotEqualTo(onFirst.cookie(COOKIE).get());
    UserAgent backOnFirst = new UserAgent(first.baseUrl());
    backOnFirst.setCookie(COOKIE, renewedSession);
    String redirect = backOnFirst.get(backToAuthorization).headers().firstValue("Location").orElseThrow();
    assertThat(redirect).startsWith(TestGatehouse.CHAT_REDIRECT + "?code=");
    String code = redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");

    HttpResponse<String> tokens = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(second.baseUrl() + "/api/oidc/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("chat:" + TestGatehouse.APP_SECRET).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
            + URLEncoder.encode(TestGatehouse.CHAT_REDIRECT, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    assertThat(tokens.body()).contains("\"id_token\"");
  }

  @Test
  void aWrongPasswordOnOneInstanceIsShownThereAndTheRightOneSignsInOnTheOther() {
    UserAgent browser = new UserAgent(first.baseUrl());
    HttpResponse<String> login = browser.follow(browser.get(URI.create(first.baseUrl() + "/")));
    HttpResponse<String> failed = browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER, "wrong"));
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.body()).contains("Incorrect username or password.");

    HttpResponse<String> signedIn = browser.post(URI.create(second.baseUrl() + "/login"),
        Map.of("username", TestGatehouse.USER, "password", TestGatehouse.PASSWORD, "_csrf", csrf(failed)));
    assertThat(signedIn.headers().firstValue("Location")).hasValue(first.baseUrl() + "/");
    assertThat(browser.get(URI.create(first.baseUrl() + "/")).body()).contains(TestGatehouse.USER);
  }

  @Test
  void redisHoldsNothingReadableOfASession() {
    UserAgent browser = signedInOn(first);
    String sessionKey = RedisSessions.KEY_NAMESPACE + ":sessions:" + sessionId(browser);
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
    try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
      Map<byte[], byte[]> stored = connection.sync().hgetall(sessionKey.getBytes(StandardCharsets.UTF_8));
      assertThat(stored).as("the session's fields").hasSizeGreaterThan(3);
      for (byte[] value : stored.values()) {
        String text = new String(value, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(TestGatehouse.USER).doesNotContain("Authentication")
            .doesNotContain("@class");
      }
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aSessionSealedUnderAnotherSecretIsForgottenNotAnError() throws Exception {
    UserAgent browser = signedInOn(first);
    String otherSecret = redis.sessionYaml().replace(TemporaryRedis.SECRET, "another_session_secret_entirely");
    try (TestGatehouse other = instance("other-secret", otherSecret)) {
      HttpResponse<String> page = browser.get(URI.create(other.baseUrl() + "/"));
      assertThat(page.statusCode()).isEqualTo(302);
      assertThat(page.headers().firstValue("Location")).hasValue(other.baseUrl() + "/login");
    }
    assertThat(browser.follow(browser.get(URI.create(first.baseUrl() + "/"))).uri().getPath())
        .as("the unreadable session was deleted").isEqualTo("/login");
  }

  @Test
  void aRedisOnAUnixSocketKeepsSessions() throws Exception {
    Path socket = Files.createDirectories(directory.resolve("socket")).resolve("redis.sock");
    try (TemporaryRedis local = TemporaryRedis.start("--unixsocket", socket.toString(), "--unixsocketperm", "700");
        TestGatehouse onSocket = instance("on-socket", """
            session:
              secret: 'a_session_secret_for_the_socket'
              redis:
                host: '%s'
            """.formatted(socket))) {
      UserAgent browser = signedInOn(onSocket);
      assertThat(browser.follow(browser.get(URI.create(onSocket.baseUrl() + "/"))).body()).contains(TestGatehouse.USER);
      assertThat(onSocket.activeSessions()).isOne();
    }
  }

  @Test
  void aRedisBehindTlsKeepsSessions() throws Exception {
    Path tls = Files.createDirectories(directory.resolve("redis-tls"));
    Process certificate = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=127.0.0.1", "-keyout", tls.resolve("key.pem").toString(), "-out",
        tls.resolve("cert.pem").toString()).redirectErrorStream(true).redirectOutput(tls.resolve("openssl.log").toFile())
        .start();
    assertThat(certificate.waitFor()).as("openssl made a certificate").isZero();
    int tlsPort = TestGatehouse.freePort();
    try (TemporaryRedis secured = TemporaryRedis.start("--tls-port", String.valueOf(tlsPort),
            "--tls-cert-file", tls.resolve("cert.pem").toString(), "--tls-key-file", tls.resolve("key.pem").toString(),
            "--tls-auth-clients", "no", "--tls-protocols", "TLSv1.3");
        TestGatehouse overTls = instance("over-tls", """
            session:
              secret: 'a_session_secret_for_tls'
              redis:
                host: '127.0.0.1'
                port: %d
                tls:
                  skip_verify: true
                  minimum_version: 'TLS1.3'
            """.formatted(tlsPort))) {
      UserAgent browser = signedInOn(overTls);
      assertThat(browser.follow(browser.get(URI.create(overTls.baseUrl() + "/"))).body()).contains(TestGatehouse.USER);
      assertThat(overTls.activeSessions()).isOne();
    }
  }

  @Test
  void inactivityEndsASessionKeptInRedis() throws Exception {
    try (TestGatehouse brief = instance("brief", redis.sessionYaml() + "  inactivity: '2s'\n")) {
      UserAgent browser = signedInOn(brief);
      Thread.sleep(1_000);
      assertThat(browser.follow(browser.get(URI.create(brief.baseUrl() + "/"))).uri().getPath())
          .as("a request within the inactivity").isEqualTo("/");
      Thread.sleep(3_000);
      assertThat(browser.follow(browser.get(URI.create(brief.baseUrl() + "/"))).uri().getPath())
          .as("after 3 s without a request").isEqualTo("/login");
    }
  }

  @Test
  void afterRedisLostItsDataUsersSignInAgain() {
    UserAgent browser = signedInOn(second);
    redis.stop();
    redis.resume();
    HttpResponse<String> page = browser.follow(browser.get(URI.create(second.baseUrl() + "/")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/login");
    assertThat(browser.follow(browser.submitLogin(page.body(), TestGatehouse.USER, TestGatehouse.PASSWORD))
        .body()).contains(TestGatehouse.USER);
  }

  @Test
  void readinessSaysWhenRedisIsOutOfReachAndRecoversWithIt() throws Exception {
    HttpRequest ready = HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/health/ready")).build();
    HttpClient probe = HttpClient.newHttpClient();
    redis.stop();
    try {
      assertThat(probe.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
    } finally {
      redis.resume();
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    int status;
    do {
      status = probe.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode();
    } while (status != 200 && System.nanoTime() < deadline);
    assertThat(status).isEqualTo(200);
  }

  private static UserAgent signedInOn(TestGatehouse instance) {
    UserAgent browser = new UserAgent(instance.baseUrl());
    HttpResponse<String> login = browser.follow(browser.get(URI.create(instance.baseUrl() + "/")));
    HttpResponse<String> home = browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER,
        TestGatehouse.PASSWORD));
    assertThat(home.body()).contains(TestGatehouse.USER);
    return browser;
  }

  private static String sessionId(UserAgent browser) {
    String cookie = browser.cookie(COOKIE).orElseThrow();
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }

  private static String csrf(HttpResponse<String> page) {
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
        .matcher(page.body());
    assertThat(token.find()).as("the page has a CSRF token").isTrue();
    return token.group(1);
  }
}
