package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.RawHttp;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed requests to every endpoint, over a raw socket: wrong methods, broken
 * encodings, bad credentials, oversized and truncated parts. None may get a 5xx, nor an answer
 * that shows a stack trace or names an exception class. The seed and count can be changed with
 * {@code -Dgatehouse.fuzz.seed} and {@code -Dgatehouse.fuzz.requests} to look further.
 */
class EndpointFuzzTest {

  private static final long SEED = Long.getLong("gatehouse.fuzz.seed", 6749L);
  private static final int REQUESTS = Integer.getInteger("gatehouse.fuzz.requests", 4000);
  private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.springframework", "java.lang");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Test
  void noMalformedRequestGetsAServerErrorOrAStackTrace(@TempDir Path directory) throws Exception {
    try (TestGatehouse gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS)) {
      HostileRequests requests = new HostileRequests(SEED, signIn(gatehouse));
      // From an address of their own, so that failed logins and bans stay off the final check's.
      RawHttp http = new RawHttp("127.0.0.2", gatehouse.port(), 10_000);
      Map<Integer, Integer> statuses = new TreeMap<>();
      List<String> findings = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        HostileRequest request = requests.next();
        RawHttp.Answer answer = http.exchange(request.toBytes(gatehouse.port()));
        statuses.merge(answer.status(), 1, Integer::sum);
        String finding = judge(answer);
        if (finding != null) {
          findings.add("#" + i + " " + request.describe() + " -> " + finding);
        }
      }
      System.out.printf("Fuzz: %d requests (seed %d), statuses %s; %d closed without an answer (a body cut"
          + " short, a broken chunk)%n", REQUESTS, SEED, statuses, statuses.getOrDefault(RawHttp.NO_ANSWER, 0));
      assertThat(findings).as("requests answered with a server error or a leak").isEmpty();
      assertThat(statuses).doesNotContainKey(RawHttp.TIMED_OUT);
      assertStillServes(gatehouse);
    }
  }

  /** What is wrong with an answer, or null. */
  private static String judge(RawHttp.Answer answer) {
    if (answer.status() >= 500) {
      return answer.status() + " " + excerpt(answer.body());
    }
    return LEAKS.stream().filter(answer.text()::contains).findFirst()
        .map(leak -> "leaks '" + leak.strip() + "': " + excerpt(answer.text())).orElse(null);
  }

  /** A signed-in browser's session and CSRF token, a client's credentials and a live access token. */
  private static HostileRequests.ValidCredentials signIn(TestGatehouse gatehouse) throws Exception {
    RelyingParty client = client(gatehouse);
    String bearer = client.exchange(client.loginForCode(TestGatehouse.USER, TestGatehouse.PASSWORD)).accessToken();
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    browser.authorize(URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + RelyingParty.encode(TestGatehouse.APP_REDIRECT) + "&scope=openid&state=fuzzstate"),
        TestGatehouse.USER, TestGatehouse.PASSWORD);
    HttpResponse<String> page = browser.get(URI.create(gatehouse.baseUrl() + "/login"));
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
    return new HostileRequests.ValidCredentials(browser.cookie("authelia_session").orElseThrow(), csrf.group(1),
        client.basicCredentials(), bearer);
  }

  /** After the abuse, a whole login still works. */
  private static void assertStillServes(TestGatehouse gatehouse) throws Exception {
    RelyingParty client = client(gatehouse);
    RelyingParty.Tokens tokens = client.exchange(client.loginForCode(TestGatehouse.USER, TestGatehouse.PASSWORD));
    assertThat(client.userinfo(tokens.accessToken())).isNotBlank();
  }

  private static RelyingParty client(TestGatehouse gatehouse) {
    return new RelyingParty(gatehouse.baseUrl(), "app", TestGatehouse.APP_SECRET, TestGatehouse.APP_REDIRECT);
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
  }
}
