package dev.gatehouse.oidc.logout;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.oidc.keys.SigningKeys;
import java.text.ParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Accepts an {@code id_token_hint} only if it is an ID token Gatehouse issued: signed by one of its
 * keys, and recorded in storage as an ID token (an access token in JWT form carries the same
 * signature). An expired ID token is still a good hint, as RP-Initiated Logout 1.0 section 2 says;
 * a revoked one too, since it identifies the client as well as ever.
 */
final class IdTokenHintVerifier {

  private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

  private final ConfigurableJWTProcessor<SecurityContext> signatures = new DefaultJWTProcessor<>();
  private final OAuth2AuthorizationService authorizations;

  IdTokenHintVerifier(SigningKeys keys, OAuth2AuthorizationService authorizations) {
    this.authorizations = authorizations;
    Set<JWSAlgorithm> algorithms = keys.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    signatures.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(keys.publicSet())));
    // Replaces the default claims check, which would refuse an expired token.
    signatures.setJWTClaimsSetVerifier((claims, context) -> {
      if (claims.getAudience().isEmpty()) {
        throw new BadJWTException("an ID token names its audience");
      }
    });
  }

  IdTokenHint verify(String idTokenHint) {
    JWTClaimsSet claims;
    try {
      claims = signatures.process(idTokenHint, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw notOurs();
    }
    if (authorizations.findByToken(idTokenHint, ID_TOKEN) == null) {
      throw notOurs();
    }
    return new IdTokenHint(claims.getAudience());
  }

  private static InvalidEndSessionRequest notOurs() {
    return new InvalidEndSessionRequest("id_token_hint is not an ID token issued by Gatehouse");
  }
}
