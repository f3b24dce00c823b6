package dev.gatehouse.oidc.authorize;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request to a client-authenticated endpoint (token, introspection, revocation) that
 * sends a parameter more than once, which RFC 6749 3.2 forbids, with {@code invalid_request}.
 *
 * <p>Spring Authorization Server checks this too, but only after client authentication, which
 * casts a repeated {@code code} to a single string and fails with a 500 (spring-security#19227).
 */
public final class RepeatedParameterFilter extends OncePerRequestFilter {

  private final RequestMatcher endpoints;
  private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

  private RepeatedParameterFilter(RequestMatcher endpoints) {
    this.endpoints = endpoints;
  }

  /** Guards the POST endpoints at these paths. */
  public static RepeatedParameterFilter at(String... paths) {
    List<RequestMatcher> matchers = Arrays.stream(paths)
        .map(path -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(HttpMethod.POST, path)).toList();
    return new RepeatedParameterFilter(new OrRequestMatcher(matchers));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !endpoints.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (parameter.getValue().length > 1) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
            "The parameter " + parameter.getKey() + " was sent more than once", null);
        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
        answer.setStatusCode(HttpStatus.BAD_REQUEST);
        errors.write(error, null, answer);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
