package dev.gatehouse.oidc.clientauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The answer to a client that failed to authenticate, as Spring Authorization Server gives it
 * ({@code 401 invalid_client} with the error code alone, or {@code 400} for a malformed request),
 * with what SAS leaves out: RFC 6749 section 5.2 says a client that tried HTTP Basic gets a
 * {@code WWW-Authenticate} header naming that scheme with its 401.
 */
public final class ClientAuthenticationFailure implements AuthenticationFailureHandler {

  private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    SecurityContextHolder.clearContext();
    OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
    ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
    if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
      answer.setStatusCode(HttpStatus.UNAUTHORIZED);
      if (triedBasic(request)) {
        answer.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, ClientAuthenticationRequired.BASIC_CHALLENGE);
      }
      // Which check failed is not the caller's business.
      error = new OAuth2Error(error.getErrorCode());
    } else {
      answer.setStatusCode(HttpStatus.BAD_REQUEST);
    }
    errors.write(error, null, answer);
  }

  static boolean triedBasic(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
