package dev.gatehouse.crypto.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key id Authelia derives for a JWK whose {@code key_id} is not configured
 * ({@code jwkCalculateKID} in its {@code internal/configuration/validator/util.go}): the first six
 * hex characters of the key's RFC 7638 SHA-256 thumbprint, a dash, and the lowercased algorithm
 * with {@code +} written as {@code .}; e.g. {@code 5c8ee0-rs256}. Gatehouse derives its own key's
 * id the same way, so a key moved between the two keeps its {@code kid}.
 */
public final class KeyIds {

  private static final int THUMBPRINT_HEX_CHARACTERS = 6;

  private KeyIds() {
  }

  /** Authelia's derived key id of {@code publicKey} used with {@code algorithm} (may be null). */
  public static String derive(PublicKey publicKey, String algorithm) {
    String thumbprint = HexFormat.of().formatHex(thumbprint(publicKey))
        .substring(0, THUMBPRINT_HEX_CHARACTERS);
    if (algorithm == null || algorithm.isEmpty()) {
      return thumbprint;
    }
    return thumbprint + "-" + algorithm.replace('+', '.').toLowerCase(Locale.ROOT);
  }

  private static byte[] thumbprint(PublicKey publicKey) {
    JWK jwk;
    if (publicKey instanceof RSAPublicKey rsa) {
      jwk = new RSAKey.Builder(rsa).build();
    } else if (publicKey instanceof ECPublicKey ec) {
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      if (curve == null) {
        throw new IllegalArgumentException("unsupported EC curve for a JWK thumbprint");
      }
      jwk = new ECKey.Builder(curve, ec).build();
    } else {
      throw new IllegalArgumentException("only RSA and EC keys have a derived key id");
    }
    try {
      return jwk.computeThumbprint("SHA-256").decode();
    } catch (JOSEException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
