package dev.gatehouse.oidc.pkce;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 7636 section 4.1: a {@code code_verifier} is 43 to 128 characters of
 * {@code [A-Za-z0-9-._~]}. A token request with any other verifier is refused with
 * {@code invalid_grant}, as Authelia (fosite) does, before any client authentication or lookup:
 * a client that sends a short or unusual verifier has weakened its own proof, even if the
 * challenge it sent was made from it.
 */
public final class CodeVerifierFormat extends OncePerRequestFilter {

  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private final RequestMatcher tokenEndpoint;
  private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

  public CodeVerifierFormat(String tokenEndpoint) {
    this.tokenEndpoint = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, tokenEndpoint);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !tokenEndpoint.matches(request) || !AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
        .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String verifier = request.getParameter(PkceParameterNames.CODE_VERIFIER);
    if (verifier != null && !VERIFIER.matcher(verifier).matches()) {
      ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
      answer.setStatusCode(HttpStatus.BAD_REQUEST);
      errors.write(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
          "The code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 section 4.1)", null),
          null, answer);
      return;
    }
    chain.doFilter(request, response);
  }
}
