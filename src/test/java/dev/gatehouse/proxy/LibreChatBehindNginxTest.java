package dev.gatehouse.proxy;

import static dev.gatehouse.proxy.LibreChatStage.pages;
import static dev.gatehouse.proxy.LibreChatStage.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.testing.TestGatehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreChat logging in to Gatehouse the way its users run it: Gatehouse behind Debian's nginx
 * terminating TLS with a throwaway CA, the seed's LibreChat client block pasted as the Authelia
 * guide gives it, and LibreChat's own OpenID library — openid-client 5 as in LibreChat v0.7.5 …
 * v0.7.8, openid-client 6 with its passport strategy as in v0.7.9 and later — configured only
 * through LibreChat's OPENID_* variables (e2e/rp-v5.mjs, e2e/rp-v6.mjs). A user in headless
 * Chromium signs in with password and TOTP (enrolled on the first run with the one-time code from
 * the notifier file), then logs out through each of LibreChat's end-session variants.
 *
 * <p>LibreChat itself (DOMAIN_SERVER) is plain http on 127.0.0.1: LibreChat's own TLS is its own
 * proxy's business and changes nothing the OP sees but the redirect URI's scheme; Gatehouse
 * accepts the http redirect URI on 127.0.0.1, and Chromium treats 127.0.0.1 as a secure context,
 * so LibreChat's cookies behave as on https. Gatehouse's side, the subject here, is all https.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibreChatBehindNginxTest {

  /** A 1×1 PNG: john's avatar, which LibreChat downloads with his access token. */
  static final byte[] AVATAR = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  LibreChatStage stage;
  NginxProxy nginx;
  HttpClient https;
  String firstSub;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    stage = LibreChatStage.start(directory, LibreChatBehindNginxTest::startGatehouse);
    nginx = stage.nginx;
    https = HttpClient.newBuilder().sslContext(stage.tls.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  void stop() {
    if (stage != null) {
      stage.close();
    }
  }

  @Test
  @Order(1)
  void discoveryThroughNginxNamesTheHttpsProxyAddressAsIssuer() throws Exception {
    Map<String, Object> discovery = discovery(nginx.origin());
    assertThat(discovery.get("issuer")).as(nginx.log()).isEqualTo(nginx.origin());
    for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri",
        "end_session_endpoint")) {
      assertThat((String) discovery.get(endpoint)).as(endpoint).startsWith(nginx.origin() + "/");
    }
  }

  /**
   * Authelia's nginx guide forwards {@code X-Forwarded-Host: $http_host} (host and port) and no
   * X-Forwarded-Port; Authelia takes its issuer from that header as it is. Behind a proxy on any
   * port but 443, Gatehouse must keep the port too.
   */
  @Test
  @Order(2)
  void issuerKeepsTheProxyPortWhenOnlyXForwardedHostCarriesIt() throws Exception {
    assertThat(discovery(nginx.autheliaStyleOrigin()).get("issuer"))
        .as("issuer behind nginx with Authelia's proxy headers (X-Forwarded-Host: localhost:%d, no X-Forwarded-Port)",
            nginx.autheliaStylePort())
        .isEqualTo(nginx.autheliaStyleOrigin());
  }

  /** LibreChat v0.7.5 … v0.7.8; the first login enrols the TOTP device; v0.7.7+'s bare logout. */
  @Test
  @Order(3)
  void libreChat075To078WithOpenidClient5() {
    Run run = logIn("rp-v5.mjs", "v5", Map.of());
    assertThat(pages(run.summary)).as("first login: %s", run).containsExactly("password", "identity-verification",
        "totp-enrolment");
    assertThat(run.summary.get("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
    assertThat(strings(run.summary.get("authorization_request"))).as("passport's session=false leaks into the URL")
        .contains("state", "code_challenge", "code_challenge_method", "session");
    run.assertLoggedOut("bare");
    run.assertClean();
  }

  /** Newest LibreChat, client_secret_basic, tokens kept (OPENID_REUSE_TOKENS): id_token_hint logout. */
  @Test
  @Order(4)
  void newestLibreChatWithBasicAuthAndIdTokenHintLogout() {
    Run run = logIn("rp-v6.mjs", "v6-basic", Map.of(
        "OPENID_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_basic",
        "OPENID_USE_PKCE", "true",
        "OPENID_REUSE_TOKENS", "true"));
    assertThat(run.summary.get("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
    run.assertLoggedOut("id_token_hint");
    assertThat(run.logout().get("landed")).as("back at the registered post_logout_redirect_uri: %s", run)
        .isEqualTo(stage.librechatUrl() + "/login");
    run.assertClean();
  }

  /** LibreChat with client_secret_post (v0.7.9 … ~v0.8.1's default), no tokens kept: client_id logout. */
  @Test
  @Order(5)
  void libreChatWithPostAuthAndClientIdLogout() {
    Run run = logIn("rp-v6.mjs", "v6-post", Map.of("OPENID_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_post"));
    assertThat(run.summary.get("token_endpoint_auth_method")).isEqualTo("client_secret_post");
    run.assertLoggedOut("client_id");
    run.assertClean();
  }

  /** An id_token too long for OPENID_MAX_LOGOUT_URL_LENGTH: logout_hint + client_id instead. */
  @Test
  @Order(6)
  void libreChatLogoutHintWhenTheIdTokenDoesNotFit() {
    Run run = logIn("rp-v6.mjs", "v6-logout-hint", Map.of(
        "OPENID_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_post",
        "OPENID_REUSE_TOKENS", "true",
        "OPENID_MAX_LOGOUT_URL_LENGTH", "300"));
    run.assertLoggedOut("logout_hint");
    run.assertClean();
  }

  /**
   * John also gets a USB security key (a virtual authenticator): at the TOTP step of his next login
   * he goes to register it, confirms it is him with the emailed code, and the new key is that
   * login's second factor; the login after, he switches from the TOTP step to the key.
   */
  @Test
  @Order(7)
  void newestLibreChatWithASecurityKeyRegisteredThenUsed() {
    Map<String, String> key = Map.of("OPENID_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_basic",
        "E2E_KEY_FILE", stage.directory.resolve("john-security-key.json").toString());
    Run registration = logIn("rp-v6.mjs", "v6-key-registration", key, "hwk");
    assertThat(pages(registration.summary)).as("%s", registration).containsExactly("password",
        "go-to-key-registration", "identity-verification", "key-registration");
    registration.assertClean();

    Run use = logIn("rp-v6.mjs", "v6-key", key, "hwk");
    assertThat(pages(use.summary)).as("%s", use).containsExactly("password", "switch-to-key", "security-key");
    assertThat(strings(use.summary.get("amr"))).as("amr: %s", use).containsExactly("pwd", "pop", "hwk", "user", "pin",
        "mfa");
    use.assertLoggedOut("client_id");
    use.assertClean();
  }

  private Run logIn(String script, String name, Map<String, String> extra) {
    return logIn(script, name, extra, "otp");
  }

  /**
   * One run of a LibreChat stand-in with the Authelia guide's LibreChat environment plus
   * {@code extra}; asserts that LibreChat got john in (same sub every time, email, avatar) with
   * his password and {@code held} ({@code otp} or a key's {@code hwk}) in {@code amr}.
   */
  private Run logIn(String script, String name, Map<String, String> extra, String held) {
    Map<String, String> environment =
        stage.environment(TestGatehouse.USER, TestGatehouse.PASSWORD, "librechat-" + name);
    environment.put("OPENID_BUTTON_LABEL", "Log in with Gatehouse");
    environment.put("OPENID_SCOPE", "openid profile email");
    environment.put("OPENID_USE_END_SESSION_ENDPOINT", "true");
    environment.putAll(extra);
    NodeRelyingParty.Result result = stage.run(script, name, environment);
    Run run = new Run(script + " " + extra, result, result.summary());
    assertThat(run.summary.get("email")).as("LibreChat's user: %s", run).isEqualTo("john@example.com");
    assertThat(strings(run.summary.get("amr"))).as("amr: %s", run).contains("pwd", held, "mfa");
    assertThat(strings(run.summary.get("authorization_response"))).as("RFC 9207 iss, checked by the library: %s", run)
        .contains("code", "state", "iss");
    if (firstSub == null) {
      firstSub = (String) run.summary.get("sub");
    } else {
      assertThat(run.summary.get("sub")).as("the same user, the same sub: %s", run).isEqualTo(firstSub);
      if ("otp".equals(held)) {
        assertThat(pages(run.summary)).as("a later login uses the enrolled device: %s", run)
            .containsExactly("password", "totp");
      }
    }
    Map<?, ?> avatar = (Map<?, ?>) run.summary.get("avatar");
    assertThat(avatar).as("LibreChat downloaded the picture with the access token: %s", run).isNotNull();
    assertThat(((Number) avatar.get("status")).intValue()).isEqualTo(200);
    return run;
  }

  private record Run(String what, NodeRelyingParty.Result result, Map<String, Object> summary) {

    Map<?, ?> logout() {
      Map<?, ?> logout = (Map<?, ?>) summary.get("logout");
      assertThat(logout).as("logout: %s", this).isNotNull();
      return logout;
    }

    void assertLoggedOut(String variant) {
      assertThat(logout().get("variant")).as("LibreChat's end-session variant").isEqualTo(variant);
      assertThat(logout().get("session_ended")).as("Gatehouse's session ended: %s", this).isEqualTo(true);
    }

    /** Nothing either OpenID library, LibreChat or the browser saw went wrong. */
    void assertClean() {
      assertThat(strings(summary.get("errors"))).as("errors: %s", this).isEmpty();
      assertThat(result.exitCode()).as("exit code: %s", this).isZero();
    }

    @Override
    public String toString() {
      return what + "\n" + result;
    }
  }

  private Map<String, Object> discovery(String origin) throws Exception {
    HttpResponse<String> response = https.send(HttpRequest.newBuilder(
        URI.create(origin + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    return JSONObjectUtils.parse(response.body());
  }

  /** Gatehouse in this JVM with the seed's LibreChat client block, john's avatar behind the proxy. */
  private static TestGatehouse startGatehouse(LibreChatStage stage) {
    try {
      Files.write(stage.avatars.resolve("john.png"), AVATAR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String users = """
        users:
          john:
            displayname: 'John Doe'
            password: '$plaintext$%s'
            email: 'john@example.com'
            given_name: 'John'
            family_name: 'Doe'
            picture: 'https://localhost:%d/avatars/john.png'
        """.formatted(TestGatehouse.PASSWORD, stage.proxyPort);
    return TestGatehouse.start(stage.directory, stage.seedClient(), TestGatehouse.storageLocal(stage.directory),
        TestGatehouse.filesystemNotifier(stage.directory), users);
  }
}
