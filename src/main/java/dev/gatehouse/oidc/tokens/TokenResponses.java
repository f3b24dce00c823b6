package dev.gatehouse.oidc.tokens;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint's successful answer (RFC 6749 section 5.1), written straight to the response.
 *
 * <p>SAS's own handler builds a response object, turns it into a map and hands that to Spring's
 * message converters, which look up a converter and a content type for each answer: about 5 % of a
 * code exchange's CPU in a profile, for a document of at most six members. Its members are the same:
 * {@code expires_in} is the access token's lifespan in seconds, {@code scope} its scopes separated by
 * spaces, and the additional parameters ({@code id_token}) follow.
 */
public final class TokenResponses implements AuthenticationSuccessHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    var tokens = (OAuth2AccessTokenAuthenticationToken) authentication;
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    try (JsonGenerator json = JSON.createGenerator(response.getOutputStream())) {
      json.writeStartObject();
      writeAccessToken(json, tokens.getAccessToken());
      OAuth2RefreshToken refresh = tokens.getRefreshToken();
      if (refresh != null) {
        json.writeStringProperty(OAuth2ParameterNames.REFRESH_TOKEN, refresh.getTokenValue());
      }
      for (Map.Entry<String, Object> parameter : tokens.getAdditionalParameters().entrySet()) {
        json.writePOJOProperty(parameter.getKey(), parameter.getValue());
      }
      json.writeEndObject();
    }
  }

  private static void writeAccessToken(JsonGenerator json, OAuth2AccessToken token) {
    json.writeStringProperty(OAuth2ParameterNames.ACCESS_TOKEN, token.getTokenValue());
    json.writeStringProperty(OAuth2ParameterNames.TOKEN_TYPE, token.getTokenType().getValue());
    if (token.getIssuedAt() != null && token.getExpiresAt() != null) {
      json.writeNumberProperty(OAuth2ParameterNames.EXPIRES_IN,
          ChronoUnit.SECONDS.between(token.getIssuedAt(), token.getExpiresAt()));
    }
    if (!token.getScopes().isEmpty()) {
      json.writeStringProperty(OAuth2ParameterNames.SCOPE, String.join(" ", token.getScopes()));
    }
  }
}
