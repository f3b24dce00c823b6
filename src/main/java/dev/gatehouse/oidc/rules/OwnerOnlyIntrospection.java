package dev.gatehouse.oidc.rules;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Introspection answers only for the client's own tokens. SAS describes any client's token to any
 * authenticated client; a token of another client is reported as {@code {"active":false}}, as an
 * unknown one is (RFC 7662 section 2.2), so that introspection is no oracle for stolen tokens.
 */
public final class OwnerOnlyIntrospection extends ProviderDecorator {

  private OwnerOnlyIntrospection(AuthenticationProvider delegate) {
    super(delegate);
  }

  /** Wraps SAS's introspection provider among the introspection endpoint's providers. */
  public static void install(List<AuthenticationProvider> providers) {
    decorate(providers, OAuth2TokenIntrospectionAuthenticationProvider.class, OwnerOnlyIntrospection::new);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var result = (OAuth2TokenIntrospectionAuthenticationToken) delegate.authenticate(authentication);
    var caller = (OAuth2ClientAuthenticationToken) authentication.getPrincipal();
    OAuth2TokenIntrospection claims = result.getTokenClaims();
    if (!claims.isActive() || caller.getRegisteredClient().getClientId().equals(claims.getClientId())) {
      return result;
    }
    return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(), caller,
        OAuth2TokenIntrospection.builder().build());
  }
}
