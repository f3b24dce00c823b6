package dev.gatehouse.oidc.grants;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Authorizations already read during the current HTTP request. Spring Authorization Server looks the
 * same token up twice in one request: a code at client authentication (to see whether PKCE applies)
 * and again at the token endpoint; an access token in the userinfo endpoint's bearer check and again
 * in its userinfo provider. Each lookup is a query plus the JSON decoding of five columns. Any save
 * or removal during the request forgets everything read before it. Outside a request nothing is kept.
 */
final class RequestLookups {

  private static final String ATTRIBUTE = RequestLookups.class.getName();

  private RequestLookups() {
  }

  static OAuth2Authorization get(String key) {
    Map<String, OAuth2Authorization> seen = seen(false);
    return seen == null ? null : seen.get(key);
  }

  static void put(String key, OAuth2Authorization authorization) {
    Map<String, OAuth2Authorization> seen = seen(true);
    if (seen != null) {
      seen.put(key, authorization);
    }
  }

  static void forget() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, OAuth2Authorization> seen(boolean create) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return null;
    }
    Map<String, OAuth2Authorization> seen =
        (Map<String, OAuth2Authorization>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (seen == null && create) {
      seen = new HashMap<>();
      request.setAttribute(ATTRIBUTE, seen, RequestAttributes.SCOPE_REQUEST);
    }
    return seen;
  }
}
