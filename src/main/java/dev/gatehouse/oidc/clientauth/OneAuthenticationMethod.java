package dev.gatehouse.oidc.clientauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 6749 section 2.3: "The client MUST NOT use more than one authentication method in each
 * request." HTTP Basic together with credentials in the body (a {@code client_secret} or a
 * {@code client_assertion}) is refused with {@code invalid_request}; Spring Authorization Server
 * would take the first it reads and ignore the other. Placed first among the client
 * authentication converters, it converts nothing itself.
 */
public final class OneAuthenticationMethod implements AuthenticationConverter {

  @Override
  public Authentication convert(HttpServletRequest request) {
    boolean inBody = request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null;
    if (inBody && ClientAuthenticationFailure.triedBasic(request)) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "The client authenticated with more than one method: HTTP Basic and credentials in the body", null));
    }
    return null;
  }
}
