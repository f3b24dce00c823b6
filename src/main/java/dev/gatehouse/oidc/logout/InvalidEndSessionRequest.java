package dev.gatehouse.oidc.logout;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A logout request Gatehouse refuses. The user is shown why and stays signed in: a request that
 * cannot be trusted may not come from the application it names.
 */
final class InvalidEndSessionRequest extends OAuth2AuthenticationException {

  private static final String SPECIFICATION =
      "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling";

  InvalidEndSessionRequest(String description) {
    super(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, SPECIFICATION));
  }
}
