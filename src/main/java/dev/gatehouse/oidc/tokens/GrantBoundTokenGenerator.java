package dev.gatehouse.oidc.tokens;

import dev.gatehouse.oidc.grants.GrantBoundTokens;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * An opaque access or refresh token from SAS's generator, its value bound to the grant it is issued
 * for ({@link GrantBoundTokens}); {@link #bindJwtId} does the same for a JWT's {@code jti}. A token
 * made before its grant exists (client credentials) is passed on as it is.
 */
public final class GrantBoundTokenGenerator implements OAuth2TokenGenerator<OAuth2Token> {

  private final OAuth2TokenGenerator<? extends OAuth2Token> opaqueTokens;

  public GrantBoundTokenGenerator(OAuth2TokenGenerator<? extends OAuth2Token> opaqueTokens) {
    this.opaqueTokens = opaqueTokens;
  }

  /** Gives an ID token or a JWT access token a {@code jti} that names its grant, when there is one. */
  public static void bindJwtId(JwtEncodingContext context) {
    OAuth2Authorization grant = context.getAuthorization();
    if (grant != null) {
      context.getClaims().id(GrantBoundTokens.jwtId(grant.getId()));
    }
  }

  @Override
  public OAuth2Token generate(OAuth2TokenContext context) {
    OAuth2Token token = opaqueTokens.generate(context);
    OAuth2Authorization grant = context.getAuthorization();
    if (token == null || grant == null) {
      return token;
    }
    String value = GrantBoundTokens.bind(grant.getId(), token.getTokenValue());
    if (token instanceof OAuth2RefreshToken) {
      return new OAuth2RefreshToken(value, token.getIssuedAt(), token.getExpiresAt());
    }
    if (token instanceof OAuth2AccessToken access && token instanceof ClaimAccessor claims) {
      return new ClaimedAccessToken(access.getTokenType(), value, access.getIssuedAt(), access.getExpiresAt(),
          access.getScopes(), claims.getClaims());
    }
    return token;
  }

  /** An access token that keeps the claims SAS made for it: introspection answers with them. */
  private static final class ClaimedAccessToken extends OAuth2AccessToken implements ClaimAccessor {

    private final Map<String, Object> claims;

    ClaimedAccessToken(TokenType type, String value, Instant issuedAt, Instant expiresAt, Set<String> scopes,
        Map<String, Object> claims) {
      super(type, value, issuedAt, expiresAt, scopes);
      this.claims = claims;
    }

    @Override
    public Map<String, Object> getClaims() {
      return claims;
    }
  }
}
