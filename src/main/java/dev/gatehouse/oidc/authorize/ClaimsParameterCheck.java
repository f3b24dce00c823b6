package dev.gatehouse.oidc.authorize;

import dev.gatehouse.oidc.consent.ConsentForm;
import dev.gatehouse.oidc.tokens.ClaimsRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A malformed {@code claims} parameter (OpenID Connect Core 5.5) is refused with
 * {@code invalid_request}, sent to the client, before the user is asked to sign in: the request
 * is kept with the grant and read again for every token made from it.
 */
public final class ClaimsParameterCheck extends OncePerRequestFilter {

  private final RequestMatcher authorizationEndpoint;
  private final AuthorizationResponses responses;

  public ClaimsParameterCheck(RequestMatcher authorizationEndpoint, AuthorizationResponses responses) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.responses = responses;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !authorizationEndpoint.matches(request) || ConsentForm.isSubmission(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] claims = request.getParameterValues(ClaimsRequest.PARAMETER);
    if (claims != null) {
      try {
        if (claims.length > 1) {
          throw new IllegalArgumentException("The claims parameter was sent more than once");
        }
        ClaimsRequest.parse(claims[0]);
      } catch (IllegalArgumentException malformed) {
        responses.sendError(request, response,
            new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, malformed.getMessage(), null));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
