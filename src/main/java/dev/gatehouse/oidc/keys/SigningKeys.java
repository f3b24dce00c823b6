package dev.gatehouse.oidc.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provider's signing keys. All of them are published; for each algorithm the first key is the
 * one that signs, as in Authelia, so a second key can be published before it is put to use.
 */
public final class SigningKeys {

  private final List<JWK> keys;

  public SigningKeys(List<JWK> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one signing key is required");
    }
    this.keys = List.copyOf(keys);
  }

  /** The public JWK set served at the JWKS endpoint. */
  public JWKSet publicSet() {
    return new JWKSet(keys).toPublicJWKSet();
  }

  public Set<String> algorithms() {
    return keys.stream().map(key -> key.getAlgorithm().getName())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** Answers a signer's selection with the first matching key only, never an ambiguous set. */
  public JWKSource<SecurityContext> signingSource() {
    return (JWKSelector selector, SecurityContext context) -> {
      JWKMatcher matcher = selector.getMatcher();
      return keys.stream().filter(matcher::matches).findFirst().map(List::of).orElse(List.of());
    };
  }

  /** The source for the JWKS endpoint: every key. */
  public JWKSource<SecurityContext> publishingSource() {
    JWKSet all = new JWKSet(keys);
    return (selector, context) -> selector.select(all);
  }

  static JWSAlgorithm algorithmOf(JWK key) {
    return JWSAlgorithm.parse(key.getAlgorithm().getName());
  }
}
