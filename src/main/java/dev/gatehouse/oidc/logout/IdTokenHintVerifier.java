package dev.gatehouse.oidc.logout;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.oidc.tokens.IdTokenSignatures;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Accepts an {@code id_token_hint} only if it is an ID token Gatehouse issued: signed by one of its
 * keys ({@link IdTokenSignatures}), and recorded in storage as an ID token (an access token in JWT
 * form carries the same signature). An expired ID token is still a good hint, as RP-Initiated
 * Logout 1.0 section 2 says; a revoked one too, since it identifies the client as well as ever.
 */
final class IdTokenHintVerifier {

  private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

  private final IdTokenSignatures signatures;
  private final OAuth2AuthorizationService authorizations;

  IdTokenHintVerifier(IdTokenSignatures signatures, OAuth2AuthorizationService authorizations) {
    this.signatures = signatures;
    this.authorizations = authorizations;
  }

  IdTokenHint verify(String idTokenHint) {
    JWTClaimsSet claims = signatures.verify(idTokenHint).orElseThrow(IdTokenHintVerifier::notOurs);
    if (authorizations.findByToken(idTokenHint, ID_TOKEN) == null) {
      throw notOurs();
    }
    return new IdTokenHint(claims.getAudience());
  }

  private static InvalidEndSessionRequest notOurs() {
    return new InvalidEndSessionRequest("id_token_hint is not an ID token issued by Gatehouse");
  }
}
