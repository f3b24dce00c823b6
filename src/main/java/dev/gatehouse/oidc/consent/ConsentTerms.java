package dev.gatehouse.oidc.consent;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.oidc.clients.ClientPolicy;
import dev.gatehouse.oidc.tokens.ClaimsRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.util.StringUtils;

/**
 * What a consent was given for beyond its scopes, as Authelia binds a remembered consent: the
 * audiences asked for and the claims the {@code claims} parameter asked to put in the ID token.
 * Each becomes one term, kept beside the scopes (its {@code !} cannot begin a scope token of
 * RFC 6749 3.3's that a client would send) so that a remembered consent answers only the same
 * scopes, audience and claims.
 */
final class ConsentTerms {

  private static final String MARK = "!";
  private static final String AUDIENCE = MARK + "aud=";
  private static final String CLAIMS = MARK + "claims=";

  private ConsentTerms() {
  }

  /** The terms of an authorization request, from its additional parameters. */
  static Set<String> of(Map<String, Object> parameters) {
    Set<String> terms = new TreeSet<>();
    if (parameters.get(ClientPolicy.AUDIENCE_PARAMETER) instanceof String audience) {
      Arrays.stream(StringUtils.tokenizeToStringArray(audience, " ")).forEach(value -> terms.add(AUDIENCE + value));
    }
    if (parameters.get(ClaimsRequest.PARAMETER) instanceof String claims) {
      Set<String> names = new TreeSet<>(ClaimsRequest.readOrNone(claims).idToken());
      if (!names.isEmpty()) {
        terms.add(CLAIMS + Sha256.hexOf(String.join("\n", names)));
      }
    }
    return terms;
  }

  /** The scopes a consent was given for, with its terms: what a new request must match exactly. */
  static Set<String> withScopes(OAuth2AuthorizationConsent consent) {
    Set<String> given = new TreeSet<>(consent.getScopes());
    consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(ConsentTerms::isTerm)
        .forEach(given::add);
    return given;
  }

  static boolean isTerm(String stored) {
    return stored.startsWith(MARK);
  }

  static GrantedAuthority authority(String term) {
    return new SimpleGrantedAuthority(term);
  }
}
