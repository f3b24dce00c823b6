package dev.gatehouse.telemetry;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** The token endpoint's answers, counted by the grant they answered and written to the audit log. */
public final class CountedTokenResponses implements AuthenticationSuccessHandler {

  private final AuthenticationSuccessHandler responses;
  private final Metrics metrics;

  public CountedTokenResponses(AuthenticationSuccessHandler responses, Metrics metrics) {
    this.responses = responses;
    this.metrics = metrics;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, ServletException {
    responses.onAuthenticationSuccess(request, response, authentication);
    // Only a request SAS answered with tokens gets here, so the value is a grant type it supports.
    String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
    metrics.tokenIssued(grantType);
    var tokens = (OAuth2AccessTokenAuthenticationToken) authentication;
    Audit.tokens(tokens.getRegisteredClient().getClientId(), grantType, tokens.getAccessToken().getScopes());
  }
}
