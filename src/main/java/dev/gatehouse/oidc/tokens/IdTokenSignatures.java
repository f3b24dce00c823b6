package dev.gatehouse.oidc.tokens;

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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a JWT presented back to Gatehouse as an {@code id_token_hint} is one it signed: by one of
 * its keys, naming a subject and an audience. An expired ID token is still a good hint (OpenID
 * Connect Core 3.1.2.1, RP-Initiated Logout 1.0 section 2), so expiry is not checked.
 */
public final class IdTokenSignatures {

  private final ConfigurableJWTProcessor<SecurityContext> signatures = new DefaultJWTProcessor<>();

  public IdTokenSignatures(SigningKeys keys) {
    Set<JWSAlgorithm> algorithms = keys.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    signatures.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(keys.publicSet())));
    // Replaces the default claims check, which would refuse an expired token.
    signatures.setJWTClaimsSetVerifier((claims, context) -> {
      if (claims.getAudience().isEmpty() || claims.getSubject() == null) {
        throw new BadJWTException("an ID token names its subject and audience");
      }
    });
  }

  /** The claims of {@code jwt} if Gatehouse signed it; empty for anything else, however malformed. */
  public Optional<JWTClaimsSet> verify(String jwt) {
    try {
      return Optional.of(signatures.process(jwt, null));
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException notOurs) {
      return Optional.empty();
    }
  }
}
