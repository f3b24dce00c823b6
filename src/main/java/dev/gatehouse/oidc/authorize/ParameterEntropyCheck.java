package dev.gatehouse.oidc.authorize;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Authelia's {@code minimum_parameter_entropy} on authorization requests: {@code state} is
 * required and at least that many characters long, {@code nonce} too when it is sent. A short
 * value is guessable, which defeats its purpose: CSRF protection of the redirect for
 * {@code state} (RFC 6819 section 4.4.1.8, RFC 6749 section 10.12), replay protection of the
 * id_token for {@code nonce}. A value of -1 switches the check off.
 */
public final class ParameterEntropyCheck extends AuthorizationRequestRule {

  public static final int DISABLED = -1;

  private final int minimumLength;

  public ParameterEntropyCheck(RequestMatcher authorizationEndpoint, int minimumLength,
      AuthorizationResponses responses) {
    super(authorizationEndpoint, responses);
    this.minimumLength = minimumLength;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // A request without response_type is SAS's to refuse, for that first.
    return minimumLength == DISABLED || super.shouldNotFilter(request)
        || request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null;
  }

  @Override
  protected Optional<OAuth2Error> violation(HttpServletRequest request) {
    String[] states = request.getParameterValues(OAuth2ParameterNames.STATE);
    String[] nonces = request.getParameterValues(OidcParameterNames.NONCE);
    // A repeated parameter is SAS's to refuse, with its own description.
    if (states == null || states.length == 1 && states[0].length() < minimumLength) {
      return Optional.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "The state is missing or does not have enough characters and is therefore considered too weak."
              + " Request parameter 'state' must be at least " + minimumLength
              + " characters long to ensure sufficient entropy.", null));
    }
    if (nonces != null && nonces.length == 1 && !nonces[0].isEmpty() && nonces[0].length() < minimumLength) {
      return Optional.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "The request used a security parameter (e.g., anti-replay, anti-csrf) with insufficient entropy."
              + " Parameter 'nonce' is set but does not satisfy the minimum entropy of " + minimumLength
              + " characters.", null));
    }
    return Optional.empty();
  }
}
