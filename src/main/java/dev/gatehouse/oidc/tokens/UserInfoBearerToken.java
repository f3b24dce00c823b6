package dev.gatehouse.oidc.tokens;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where the userinfo endpoint finds the access token: the {@code Authorization: Bearer} header, or
 * the {@code access_token} of a form-encoded POST body (RFC 6750 sections 2.1 and 2.2; Authelia
 * takes it there too), whatever charset the content type names. Never the query string, which
 * ends up in logs (section 2.3 discourages it). A request that carries the token both ways, or
 * twice, is {@code invalid_request}, as section 2 requires.
 */
public final class UserInfoBearerToken implements BearerTokenResolver {

  private static final String ACCESS_TOKEN = "access_token";

  private final BearerTokenResolver header = new DefaultBearerTokenResolver();

  @Override
  public String resolve(HttpServletRequest request) {
    String fromHeader = header.resolve(request);
    String fromBody = fromFormBody(request);
    if (fromHeader != null && fromBody != null) {
      throw invalidRequest("The access token was sent in the header and in the body");
    }
    return fromHeader != null ? fromHeader : fromBody;
  }

  private static String fromFormBody(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !isForm(request.getContentType())
        || request.getQueryString() != null && request.getQueryString().contains(ACCESS_TOKEN)) {
      return null;
    }
    String[] tokens = request.getParameterValues(ACCESS_TOKEN);
    if (tokens == null) {
      return null;
    }
    if (tokens.length > 1 || tokens[0].isBlank()) {
      throw invalidRequest("The body must carry exactly one access token");
    }
    return tokens[0];
  }

  private static boolean isForm(String contentType) {
    try {
      return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException notAMediaType) {
      return false;
    }
  }

  private static OAuth2AuthenticationException invalidRequest(String description) {
    return new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(description));
  }
}
