package dev.gatehouse.oidc.authorize;

import dev.gatehouse.oidc.tokens.ClaimsRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A malformed {@code claims} parameter (OpenID Connect Core 5.5) is {@code invalid_request}, before
 * the user is asked to sign in: the request is kept with the grant and read again for every token
 * made from it.
 */
public final class ClaimsParameterCheck extends AuthorizationRequestRule {

  public ClaimsParameterCheck(RequestMatcher authorizationEndpoint, AuthorizationResponses responses) {
    super(authorizationEndpoint, responses);
  }

  @Override
  protected Optional<OAuth2Error> violation(HttpServletRequest request) {
    String[] claims = request.getParameterValues(ClaimsRequest.PARAMETER);
    if (claims == null) {
      return Optional.empty();
    }
    try {
      if (claims.length > 1) {
        throw new IllegalArgumentException("The claims parameter was sent more than once");
      }
      ClaimsRequest.parse(claims[0]);
      return Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, malformed.getMessage(), null));
    }
  }
}
