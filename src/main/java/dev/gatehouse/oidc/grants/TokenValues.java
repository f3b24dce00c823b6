package dev.gatehouse.oidc.grants;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/** Rewrites the values of a grant's code and tokens, keeping everything else about them. */
final class TokenValues {

  /** The builder starts from the grant's own metadata for each token it replaces. */
  private static final Consumer<Map<String, Object>> SAME_METADATA = metadata -> { };

  private TokenValues() {
  }

  /** A builder of the grant with its values rewritten, everything else as it was. */
  static OAuth2Authorization.Builder rewriting(OAuth2Authorization authorization, UnaryOperator<String> value) {
    OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
    var code = authorization.getToken(OAuth2AuthorizationCode.class);
    if (code != null) {
      var token = code.getToken();
      builder.token(new OAuth2AuthorizationCode(value.apply(token.getTokenValue()), token.getIssuedAt(),
          token.getExpiresAt()), SAME_METADATA);
    }
    var access = authorization.getToken(OAuth2AccessToken.class);
    if (access != null) {
      var token = access.getToken();
      builder.token(new OAuth2AccessToken(token.getTokenType(), value.apply(token.getTokenValue()),
          token.getIssuedAt(), token.getExpiresAt(), token.getScopes()), SAME_METADATA);
    }
    var refresh = authorization.getToken(OAuth2RefreshToken.class);
    if (refresh != null) {
      var token = refresh.getToken();
      builder.token(new OAuth2RefreshToken(value.apply(token.getTokenValue()), token.getIssuedAt(),
          token.getExpiresAt()), SAME_METADATA);
    }
    var idToken = authorization.getToken(OidcIdToken.class);
    if (idToken != null) {
      var token = idToken.getToken();
      builder.token(new OidcIdToken(value.apply(token.getTokenValue()), token.getIssuedAt(), token.getExpiresAt(),
          token.getClaims()), SAME_METADATA);
    }
    return builder;
  }
}
