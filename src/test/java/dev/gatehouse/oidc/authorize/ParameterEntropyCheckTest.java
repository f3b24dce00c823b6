package dev.gatehouse.oidc.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.oidc.clients.ConfiguredClients;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Authelia's minimum_parameter_entropy on the authorization endpoint, without a server. */
class ParameterEntropyCheckTest {

  private static final String ENDPOINT = "/api/oidc/authorization";
  private final AuthorizationResponses responses = new AuthorizationResponses(new ConfiguredClients(List.of()));

  private MockHttpServletResponse filter(int minimum, MockHttpServletRequest request, MockFilterChain chain)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new ParameterEntropyCheck(PathPatternRequestMatcher.pathPattern(ENDPOINT), minimum, responses)
        .doFilter(request, response, chain);
    return response;
  }

  private static MockHttpServletRequest authorization(String method, String... parameters) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, ENDPOINT);
    for (int i = 0; i < parameters.length; i += 2) {
      request.addParameter(parameters[i], parameters[i + 1]);
    }
    return request;
  }

  @Test
  void aShortStateIsAnError() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletRequest request = authorization("GET", "response_type", "code", "state", "1234567");
    MockHttpServletResponse response = filter(8, request, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(400);
    OAuth2Error error = (OAuth2Error) request.getAttribute(AuthorizationResponses.ERROR_ATTRIBUTE);
    assertThat(error.getErrorCode()).isEqualTo("invalid_request");
    assertThat(error.getDescription()).endsWith("Request parameter 'state' must be at least 8 characters long to"
        + " ensure sufficient entropy.");
  }

  @Test
  void minusOneSwitchesTheCheckOff() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter(ParameterEntropyCheck.DISABLED, authorization("GET", "response_type", "code", "nonce", "n"), chain);
    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void theConsentFormsAnswerIsNotAnAuthorizationRequest() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter(8, authorization("POST", "client_id", "app", "state", "s"), chain);
    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void aRepeatedStateIsLeftToSpringAuthorizationServer() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter(8, authorization("GET", "response_type", "code", "state", "s", "state", "t"), chain);
    assertThat(chain.getRequest()).isNotNull();
  }
}
