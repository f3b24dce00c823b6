package dev.gatehouse.oidc.authorize;

import dev.gatehouse.oidc.consent.ConsentForm;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A rule an authorization request must meet, checked in front of Spring Authorization Server and
 * before the login the request may lead to. A request that breaks it gets the error at the client's
 * registered redirect URI, or on a page when that URI cannot be trusted
 * ({@link AuthorizationResponses#sendError}). The consent form's answer, which posts to the same
 * endpoint, is not an authorization request and is let through.
 */
public abstract class AuthorizationRequestRule extends OncePerRequestFilter {

  private final RequestMatcher authorizationEndpoint;
  private final AuthorizationResponses responses;

  protected AuthorizationRequestRule(RequestMatcher authorizationEndpoint, AuthorizationResponses responses) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.responses = responses;
  }

  /** The error {@code request} breaks this rule with, if it does. */
  protected abstract Optional<OAuth2Error> violation(HttpServletRequest request);

  /** The request whose {@code redirect_uri} and {@code state} the error is sent with. */
  protected HttpServletRequest answered(HttpServletRequest request) {
    return request;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !authorizationEndpoint.matches(request) || ConsentForm.isSubmission(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<OAuth2Error> violation = violation(request);
    if (violation.isPresent()) {
      responses.sendError(answered(request), response, violation.get());
      return;
    }
    chain.doFilter(request, response);
  }
}
