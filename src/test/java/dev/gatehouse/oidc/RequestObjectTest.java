package dev.gatehouse.oidc;

import static dev.gatehouse.testing.TestGatehouse.APP_REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.OneFactorGatehouse;
import dev.gatehouse.testing.UserAgent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Core 6.1 and 6.2 for a provider that takes no request objects: the errors named
 * for them, sent to the client's registered redirect URI with its state and the issuer, before
 * any login; a request_uri is never fetched.
 */
class RequestObjectTest extends OneFactorGatehouse {


  @Test
  void aRequestObjectIsNotSupported() {
    String object = unsignedJwt("{\"state\":\"inside-only-0123\",\"nonce\":\"n\"}");
    String location = redirect("&state=0123456789abcdef&request=" + object);
    assertThat(location).startsWith(APP_REDIRECT + "?error=request_not_supported")
        .contains("state=0123456789abcdef").contains("iss=" + encode(gatehouse.baseUrl()));
  }

  /** Before any other rule: an unknown scope or an unsupported PKCE method would be named first otherwise. */
  @Test
  void aRequestObjectIsRefusedAsSuchWhateverElseIsWrong() {
    assertThat(redirect("%20unknown_scope&state=0123456789abcdef&code_challenge=abc&code_challenge_method=plain"
        + "&request=" + unsignedJwt("{}"))).startsWith(APP_REDIRECT + "?error=request_not_supported");
  }

  @Test
  void theStateInsideTheObjectIsReturnedWhenTheQueryHasNone() {
    String object = unsignedJwt("{\"state\":\"inside-only-0123\",\"scope\":\"openid\"}");
    assertThat(redirect("&request=" + object)).startsWith(APP_REDIRECT + "?error=request_not_supported")
        .contains("state=inside-only-0123");
  }

  @Test
  void anUnreadableRequestObjectIsStillAnsweredAsNotSupported() {
    assertThat(redirect("&state=0123456789abcdef&request=not.a.jwt")).startsWith(APP_REDIRECT
        + "?error=request_not_supported");
  }

  @Test
  void aRequestUriIsNotSupportedAndNeverFetched() throws Exception {
    try (var listener = new java.net.ServerSocket(0)) {
      listener.setSoTimeout(500);
      String requestUri = encode("http://127.0.0.1:" + listener.getLocalPort() + "/request.jwt");
      assertThat(redirect("&state=0123456789abcdef&request_uri=" + requestUri))
          .startsWith(APP_REDIRECT + "?error=request_uri_not_supported").contains("state=0123456789abcdef");
      assertThat(acceptsWithinTimeout(listener)).as("Gatehouse fetched the request_uri").isFalse();
    }
  }

  @Test
  void aRequestObjectWithoutTheClientsRegisteredRedirectIsShownNotSent() {
    HttpResponse<String> page = new UserAgent(gatehouse.baseUrl()).get(URI.create(gatehouse.baseUrl()
        + "/api/oidc/authorization?response_type=code&client_id=app&redirect_uri="
        + encode("https://evil.example/callback") + "&scope=openid&request=" + unsignedJwt("{}")));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void discoverySaysNeitherIsSupported() {
    String discovery = new UserAgent(gatehouse.baseUrl()).get(URI.create(gatehouse.baseUrl()
        + "/.well-known/openid-configuration")).body();
    assertThat(discovery).contains("\"request_parameter_supported\":false")
        .contains("\"request_uri_parameter_supported\":false");
  }

  private static String redirect(String parameters) {
    HttpResponse<String> answer = new UserAgent(gatehouse.baseUrl()).get(URI.create(gatehouse.baseUrl()
        + "/api/oidc/authorization?response_type=code&client_id=app&redirect_uri=" + encode(APP_REDIRECT)
        + "&scope=openid" + parameters));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    return answer.headers().firstValue("Location").orElseThrow();
  }

  private static boolean acceptsWithinTimeout(java.net.ServerSocket listener) throws Exception {
    try (var connection = listener.accept()) {
      return true;
    } catch (java.net.SocketTimeoutException nobodyCame) {
      return false;
    }
  }

  private static String unsignedJwt(String payload) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
