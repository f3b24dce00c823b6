package dev.gatehouse.oidc.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** The id_token {@code at_hash} of OpenID Connect Core 3.1.3.6. */
public final class AccessTokenHash {

  private AccessTokenHash() {
  }

  /**
   * The left half of the hash of the token's ASCII bytes, base64url without padding; the hash is
   * the one of the id_token's JWS algorithm (SHA-256 for RS256/ES256/PS256, and so on).
   */
  public static String of(String accessToken, String jwsAlgorithm) {
    String bits = jwsAlgorithm.substring(jwsAlgorithm.length() - 3);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-" + bits)
          .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("no hash for JWS algorithm " + jwsAlgorithm, e);
    }
  }
}
