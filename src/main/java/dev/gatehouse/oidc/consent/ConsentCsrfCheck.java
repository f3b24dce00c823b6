package dev.gatehouse.oidc.consent;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The consent form's answer carries the session's CSRF token, as every portal form does, checked
 * the way the portal's CsrfFilter checks it (the same session token, the same masking). Spring
 * Authorization Server exempts its endpoints from CSRF protection, and the consent form posts to
 * the authorization endpoint, so the check stands in front of it; a client's authorization
 * request, sent with {@code response_type}, is not a consent answer and needs no token.
 */
public final class ConsentCsrfCheck extends OncePerRequestFilter {

  private final RequestMatcher submissions;
  private final AccessDeniedHandler refused;
  private final CsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
  private final CsrfTokenRequestHandler masking = new XorCsrfTokenRequestAttributeHandler();

  public ConsentCsrfCheck(RequestMatcher authorizationEndpoint, AccessDeniedHandler refused) {
    this.submissions = ConsentForm.submissionsTo(authorizationEndpoint);
    this.refused = refused;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !submissions.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CsrfToken expected = tokens.loadToken(request);
    if (expected == null) {
      refused.handle(request, response, new MissingCsrfTokenException(null));
      return;
    }
    String sent = masking.resolveCsrfTokenValue(request, expected);
    if (sent == null || !MessageDigest.isEqual(expected.getToken().getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      refused.handle(request, response, new InvalidCsrfTokenException(expected, sent));
      return;
    }
    chain.doFilter(request, response);
  }
}
