package dev.gatehouse.oidc.rules;

import dev.gatehouse.oidc.grants.DatabaseAuthorizationService;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Refresh-token reuse detection (RFC 9700 section 4.14.2), which SAS lacks. Rotation leaves the
 * old token with whoever else holds a copy; when it is presented after it was replaced, either
 * the client or a thief is replaying it, and the server cannot tell which. So the whole grant is
 * revoked: the current access and refresh tokens stop working, and the request gets SAS's
 * {@code invalid_grant}.
 */
public final class RefreshTokenReuseDetection extends ProviderDecorator {

  private final DatabaseAuthorizationService authorizations;

  private RefreshTokenReuseDetection(AuthenticationProvider delegate, DatabaseAuthorizationService authorizations) {
    super(delegate);
    this.authorizations = authorizations;
  }

  /** Wraps SAS's refresh-token provider among the token endpoint's providers. */
  public static void install(List<AuthenticationProvider> providers, DatabaseAuthorizationService authorizations) {
    decorate(providers, OAuth2RefreshTokenAuthenticationProvider.class,
        provider -> new RefreshTokenReuseDetection(provider, authorizations));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    try {
      return delegate.authenticate(authentication);
    } catch (OAuth2AuthenticationException e) {
      if (OAuth2ErrorCodes.INVALID_GRANT.equals(e.getError().getErrorCode())) {
        authorizations.revokeGrantOfSupersededRefreshToken(
            ((OAuth2RefreshTokenAuthenticationToken) authentication).getRefreshToken());
      }
      throw e;
    }
  }
}
