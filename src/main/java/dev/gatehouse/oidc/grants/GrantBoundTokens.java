package dev.gatehouse.oidc.grants;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * Tokens that name the grant they were issued for: an opaque access or refresh token is
 * {@code <grant id>.<random>}, and the {@code jti} of an ID token or a JWT access token has the same
 * form. Such a token is found by the grant's primary key and the digest stored with it, so issuing or
 * rotating a grant's tokens rewrites no index of token digests: on H2 each such index is one more
 * B-tree written at every commit. The id only says where to look; the digest comparison decides.
 *
 * <p>A token that names no grant (client credentials tokens, whose grant does not exist yet when
 * they are made, and tokens issued before) is found through the oauth2_token_digest table.
 */
public final class GrantBoundTokens {

  private static final char SEPARATOR = '.';
  private static final int LONGEST_ID = 100;

  private GrantBoundTokens() {
  }

  /** {@code random} bound to the grant {@code grantId}. */
  public static String bind(String grantId, String random) {
    return grantId + SEPARATOR + random;
  }

  /** A fresh {@code jti} for a JWT of the grant {@code grantId}. */
  public static String jwtId(String grantId) {
    return bind(grantId, UUID.randomUUID().toString());
  }

  /**
   * The grant an opaque token or a JWT's {@code jti} names, if it names one. A JWT (three parts) is
   * read without its signature being checked: the id only chooses the row whose digest must match.
   */
  static Optional<String> grantIdOf(String token) {
    Optional<String> opaque = opaqueGrantIdOf(token);
    if (opaque.isPresent() || !isJwt(token)) {
      return opaque;
    }
    try {
      String jwtId = JWTParser.parse(token).getJWTClaimsSet().getJWTID();
      return jwtId == null ? Optional.empty() : opaqueGrantIdOf(jwtId);
    } catch (ParseException notAJwt) {
      return Optional.empty();
    }
  }

  /** Whether a token just issued (its value, and its claims if it has any) names the grant {@code grantId}. */
  static boolean bound(String value, Map<String, Object> claims, String grantId) {
    Object jwtId = claims == null ? null : claims.get(JwtClaimNames.JTI);
    Optional<String> named = opaqueGrantIdOf(value);
    if (named.isEmpty() && jwtId instanceof String id && isJwt(value)) {
      named = opaqueGrantIdOf(id);
    }
    return named.filter(grantId::equals).isPresent();
  }

  private static Optional<String> opaqueGrantIdOf(String value) {
    int dot = value.indexOf(SEPARATOR);
    return dot > 0 && value.indexOf(SEPARATOR, dot + 1) < 0 ? prefix(value, dot) : Optional.empty();
  }

  private static boolean isJwt(String value) {
    return value.chars().filter(c -> c == SEPARATOR).count() == 2;
  }

  private static Optional<String> prefix(String value, int dot) {
    return dot <= LONGEST_ID ? Optional.of(value.substring(0, dot)) : Optional.empty();
  }
}
