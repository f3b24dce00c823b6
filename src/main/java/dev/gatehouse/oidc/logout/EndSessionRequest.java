package dev.gatehouse.oidc.logout;

import java.util.Map;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.StringUtils;

/**
 * The parameters of an OpenID Connect RP-Initiated Logout 1.0 request that Gatehouse acts on,
 * each of them optional (null when absent): LibreChat sends anything from none to all of them.
 * {@code logout_hint} and {@code ui_locales} are accepted and ignored, since the session in the
 * browser ends whoever it belongs to and the pages exist in one language only.
 */
record EndSessionRequest(String idTokenHint, String clientId, String postLogoutRedirectUri, String state) {

  private static final String ID_TOKEN_HINT = "id_token_hint";
  private static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";

  /** Reads a GET query or a POST form. A parameter given twice makes the request invalid. */
  static EndSessionRequest from(Map<String, String[]> parameters) {
    return new EndSessionRequest(
        single(parameters, ID_TOKEN_HINT),
        single(parameters, OAuth2ParameterNames.CLIENT_ID),
        single(parameters, POST_LOGOUT_REDIRECT_URI),
        single(parameters, OAuth2ParameterNames.STATE));
  }

  private static String single(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    if (values == null) {
      return null;
    }
    if (values.length != 1) {
      throw new InvalidEndSessionRequest(name + " is given more than once");
    }
    return StringUtils.hasText(values[0]) ? values[0] : null;
  }
}
