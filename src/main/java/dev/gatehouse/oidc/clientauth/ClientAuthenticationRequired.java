package dev.gatehouse.oidc.clientauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer of a client-authenticated endpoint (token, introspection, revocation) to a request
 * that authenticated no client: RFC 6749 5.2's {@code invalid_client} as JSON, or {@code 405} for
 * a method other than POST.
 */
public final class ClientAuthenticationRequired implements AuthenticationEntryPoint {

  /** RFC 6749 5.2: a 401 to a client that may use HTTP Basic names the scheme it should use. */
  static final String BASIC_CHALLENGE = "Basic realm=\"gatehouse\"";

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException authException) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader(HttpHeaders.ALLOW, "POST");
      write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "invalid_request",
          "This endpoint accepts only POST");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
    write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_client", "Client authentication failed");
  }

  private static void write(HttpServletResponse response, int status, String error, String description)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
  }
}
