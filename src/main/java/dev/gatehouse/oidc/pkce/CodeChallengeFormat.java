package dev.gatehouse.oidc.pkce;

import dev.gatehouse.oidc.authorize.AuthorizationRequestRule;
import dev.gatehouse.oidc.authorize.AuthorizationResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * An S256 {@code code_challenge} is the base64url form of a SHA-256 digest: 43 characters of
 * {@code [A-Za-z0-9_-]} (RFC 7636 sections 4.2 and 4.3). Anything else can never match a verifier,
 * so it is refused at once with {@code invalid_request}, rather than after the user has signed in
 * and the client has come back with a code that cannot be redeemed.
 */
public final class CodeChallengeFormat extends AuthorizationRequestRule {

  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  public CodeChallengeFormat(RequestMatcher authorizationEndpoint, AuthorizationResponses responses) {
    super(authorizationEndpoint, responses);
  }

  @Override
  protected Optional<OAuth2Error> violation(HttpServletRequest request) {
    String[] challenges = request.getParameterValues(PkceParameterNames.CODE_CHALLENGE);
    String method = request.getParameter(PkceParameterNames.CODE_CHALLENGE_METHOD);
    // Another method, or a repeated challenge, is SAS's to refuse with its own description.
    if (challenges != null && challenges.length == 1 && "S256".equals(method)
        && !S256_CHALLENGE.matcher(challenges[0]).matches()) {
      return Optional.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "The code_challenge must be the 43 characters of a base64url SHA-256 digest (RFC 7636 section 4.2)",
          null));
    }
    return Optional.empty();
  }
}
