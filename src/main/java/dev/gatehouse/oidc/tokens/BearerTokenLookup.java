package dev.gatehouse.oidc.tokens;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates bearer tokens at the userinfo endpoint by looking them up in storage, which works
 * for opaque and signed access tokens alike and sees revocation at once.
 */
public class BearerTokenLookup implements AuthenticationManager {

  private final OAuth2AuthorizationService authorizations;

  public BearerTokenLookup(OAuth2AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
    if (authorization == null || !authorization.getAccessToken().isActive()) {
      throw new InvalidBearerTokenException("The access token is not active");
    }
    OAuth2AccessToken accessToken = authorization.getAccessToken().getToken();
    List<GrantedAuthority> authorities = accessToken.getScopes().stream()
        .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope))
        .toList();
    var principal = new DefaultOAuth2AuthenticatedPrincipal(authorization.getPrincipalName(),
        Map.of("sub", authorization.getPrincipalName()), authorities);
    return new BearerTokenAuthentication(principal, accessToken, authorities);
  }
}
