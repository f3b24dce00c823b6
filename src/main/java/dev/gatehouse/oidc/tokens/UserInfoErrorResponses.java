package dev.gatehouse.oidc.tokens;

import dev.gatehouse.storage.StorageOutages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a failed userinfo request with the status RFC 6750 3.1 gives its error (401 for
 * {@code invalid_token}, 403 for {@code insufficient_scope}, 400 otherwise), as Spring
 * Authorization Server does, except a storage outage: that goes on to be answered 503.
 */
public final class UserInfoErrorResponses implements AuthenticationFailureHandler {

  private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    StorageOutages.rethrow(exception);
    OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
    ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
    answer.setStatusCode(switch (error.getErrorCode()) {
      case OAuth2ErrorCodes.INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
      case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> HttpStatus.FORBIDDEN;
      default -> HttpStatus.BAD_REQUEST;
    });
    errors.write(error, null, answer);
  }
}
