package dev.gatehouse.security;

import static dev.gatehouse.security.OAuthCalls.Client.APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the browser and caches are told: framing, caching and cookie rules, and a session id that
 * changes at sign-in. The change at the second factor is checked in
 * {@code portal.SecondFactorTest.passwordAloneNeverGetsACodeNorDoesAnOldSessionId}.
 */
class SessionAndHeadersTest extends OneFactorGatehouseTest {

  private static final String SESSION_COOKIE = "authelia_session";

  @Test
  @DisplayName("RFC 6749 §10.13, RFC 9700 §4.16, RFC 7034: portal pages may not be framed, sniffed or referred")
  void portalPagesForbidFraming() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> login = browser.get(calls.uri("/login"));
    browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER, TestGatehouse.PASSWORD));
    HttpResponse<String> unknownClient = calls.get("/api/oidc/authorization?response_type=code&client_id=nobody"
        + "&scope=openid&state=0123456789abcdef");
    for (HttpResponse<String> page : List.of(login, browser.get(calls.uri("/")), unknownClient)) {
      assertThat(page.headers().firstValue("X-Frame-Options")).as(page.uri().toString()).hasValue("DENY");
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
          csp -> assertThat(csp).contains("frame-ancestors 'none'"));
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
          cache -> assertThat(cache).contains("no-store"));
    }
  }

  @Test
  @DisplayName("RFC 6749 §5.1, RFC 9700 §4.3: token, userinfo and introspection answers are never cached")
  void tokenAnswersAreNotCached() {
    HttpResponse<String> token = calls.refresh(APP, calls.tokens(APP).path("refresh_token").asString());
    String accessToken = OAuthCalls.json(token).path("access_token").asString();
    HttpResponse<String> userinfo = calls.userinfo(accessToken);
    HttpResponse<String> introspection = calls.post("/api/oidc/introspection", Map.of("token", accessToken), APP);
    for (HttpResponse<String> response : List.of(token, userinfo, introspection)) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString())
          .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
      assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    }
  }

  @Test
  @DisplayName("RFC 6265 §4.1.2.5-6, RFC 9700 §4.13: the session cookie is HttpOnly and SameSite=Lax, and Secure"
      + " when the trusted proxy says the request came over TLS")
  void sessionCookieAttributes() {
    String plain = sessionCookie(calls.get("/login"));
    assertThat(plain).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    String overTls = sessionCookie(calls.get("/login", "X-Forwarded-Proto", "https"));
    assertThat(overTls).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
  }

  @Test
  @DisplayName("Session fixation (OWASP ASVS 3.2.1): the session id before sign-in, or one an attacker chose,"
      + " is not the one after, and signs no one in")
  void signingInChangesTheSessionId() {
    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> login = browser.get(calls.uri("/login"));
    String before = browser.cookie(SESSION_COOKIE).orElseThrow();
    browser.follow(browser.submitLogin(login.body(), TestGatehouse.USER, TestGatehouse.PASSWORD));
    assertThat(browser.cookie(SESSION_COOKIE).orElseThrow()).isNotEqualTo(before);
    assertThat(browser.get(calls.uri("/")).statusCode()).isEqualTo(200);
    assertSignedOut(before);

    UserAgent victim = new UserAgent(gatehouse.baseUrl());
    victim.setCookie(SESSION_COOKIE, "an-id-the-attacker-chose");
    HttpResponse<String> victimLogin = victim.get(calls.uri("/login"));
    victim.follow(victim.submitLogin(victimLogin.body(), TestGatehouse.USER, TestGatehouse.PASSWORD));
    assertThat(victim.get(calls.uri("/")).statusCode()).isEqualTo(200);
    assertSignedOut("an-id-the-attacker-chose");
  }

  private static void assertSignedOut(String sessionId) {
    UserAgent holder = new UserAgent(gatehouse.baseUrl());
    holder.setCookie(SESSION_COOKIE, sessionId);
    assertThat(holder.get(calls.uri("/")).headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }
}
