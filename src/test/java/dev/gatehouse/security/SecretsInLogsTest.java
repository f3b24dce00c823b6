package dev.gatehouse.security;

import static dev.gatehouse.testing.TestGatehouse.CHAT_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.TotpEnrolment;
import dev.gatehouse.testing.UserAgent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs Gatehouse at {@code log.level: trace} (everything else at debug) through a whole first
 * login of the LibreChat-shaped client: password, enrolment with the mailed code, TOTP, code,
 * tokens, refresh, a replayed refresh token, userinfo, introspection and revocation. None of the
 * secrets in it may reach the log, which admins share when they ask for help: passwords and
 * client secrets, codes and tokens must stay confidential (RFC 6749 sections 10.3 to 10.5).
 */
class SecretsInLogsTest {

  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  /** The two-factor LibreChat-shaped client to sign in with, and the one-factor client with refresh tokens. */
  private static final String CLIENTS = TestGatehouse.ONE_FACTOR_CLIENTS
      + TestGatehouse.TWO_FACTOR_CLIENTS.replaceFirst("    clients:\n", "");

  @TempDir
  Path directory;

  @Test
  @DisplayName("RFC 6749 §10.3-10.5: no password, client secret, one-time code, TOTP secret or code,"
      + " authorization code or token appears in a trace-level log of a whole login")
  void noSecretIsLogged() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<String> secrets = new ArrayList<>();
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (TestGatehouse gatehouse = TestGatehouse.startWithOverrides(directory, CLIENTS, "log:\n  level: 'trace'\n")) {
      secrets.addAll(wholeLogin(gatehouse));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).as("the debug log was captured").anyMatch(line -> line.contains(" DEBUG "));
    secrets.add(TestGatehouse.PASSWORD);
    secrets.add(TestGatehouse.APP_SECRET);
    // The configuration's own secrets, as TestGatehouse writes them.
    secrets.add("a_very_important_secret_for_tests");
    secrets.add("this_is_a_test_hmac_secret_of_sufficient_length");
    secrets.add(Base64.getEncoder()
        .encodeToString(("app:" + TestGatehouse.APP_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(lines).as("the replayed refresh token was noticed")
        .anyMatch(line -> line.contains("was presented again"));
    for (String secret : secrets) {
      assertThat(secret).hasSizeGreaterThanOrEqualTo(6);
      Pattern alone = Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])");
      assertThat(lines.stream().filter(line -> alone.matcher(line).find()))
          .as("log lines with a secret of %d characters", secret.length()).isEmpty();
    }
  }

  /**
   * Enrols and signs in with both factors for chat, then, in the same session, gets tokens for
   * app and uses each; returns every secret that went over the wire.
   */
  private static List<String> wholeLogin(TestGatehouse gatehouse) {
    OAuthCalls calls = new OAuthCalls(gatehouse);
    URI chat = calls.uri("/api/oidc/authorization?response_type=code&client_id=chat&redirect_uri="
        + URLEncoder.encode(CHAT_REDIRECT, StandardCharsets.UTF_8) + "&scope=openid%20profile&state=0123456789abcdef");
    UserAgent enrolling = new UserAgent(gatehouse.baseUrl());
    TotpEnrolment.Result enrolment = TotpEnrolment.complete(enrolling,
        enrolling.authorize(chat, TestGatehouse.USER, TestGatehouse.PASSWORD), gatehouse.notificationFile());

    UserAgent browser = new UserAgent(gatehouse.baseUrl());
    HttpResponse<String> totpPage = browser.authorize(chat, TestGatehouse.USER, TestGatehouse.PASSWORD);
    String totpCode = enrolment.phone().code(1);
    String chatCode = codeIn(browser.submit(totpPage, "/login/totp", Map.of("code", totpCode)));
    OAuthCalls.Client app = OAuthCalls.Client.APP;
    String appCode = codeIn(browser.get(calls.uri("/api/oidc/authorization?response_type=code&client_id=app"
        + "&redirect_uri=" + URLEncoder.encode(app.redirectUri(), StandardCharsets.UTF_8)
        + "&scope=openid%20offline_access&state=0123456789abcdef")));

    HttpResponse<String> exchanged = calls.redeem(app, appCode, Map.of());
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    JsonNode tokens = OAuthCalls.json(exchanged);
    JsonNode refreshed = OAuthCalls.json(calls.refresh(app, tokens.path("refresh_token").asString()));
    String accessToken = refreshed.path("access_token").asString();
    assertThat(calls.userinfo(accessToken).statusCode()).isEqualTo(200);
    calls.post("/api/oidc/introspection", Map.of("token", accessToken), app);
    calls.post("/api/oidc/revocation", Map.of("token", accessToken), app);
    // The replaced refresh token again: the grant is revoked, with a warning in the log.
    calls.refresh(app, tokens.path("refresh_token").asString());

    return List.of(enrolment.oneTimeCode(), enrolment.secret(), enrolment.firstCode(), codeIn(enrolment.response()),
        totpCode, chatCode, appCode, tokens.path("access_token").asString(), tokens.path("refresh_token").asString(),
        tokens.path("id_token").asString(), accessToken, refreshed.path("refresh_token").asString(),
        refreshed.path("id_token").asString());
  }

  private static String codeIn(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    Matcher code = CODE.matcher(location);
    assertThat(code.find()).as(location).isTrue();
    return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
  }
}
