package dev.gatehouse.oidc.keys;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.crypto.keys.PemPrivateKeys;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/** The {@code jwks} of the configuration as JWKs; the validator has already vetted each key. */
public final class ConfiguredSigningKeys {

  private ConfiguredSigningKeys() {
  }

  public static List<JWK> toJwks(List<OidcConfig.Jwk> configured) {
    return configured.stream()
        .filter(jwk -> "sig".equals(jwk.use()))
        .map(ConfiguredSigningKeys::toJwk)
        .toList();
  }

  private static JWK toJwk(OidcConfig.Jwk configured) {
    KeyPair pair = PemPrivateKeys.parse(configured.key());
    Algorithm algorithm = Algorithm.parse(configured.algorithm());
    if (pair.getPublic() instanceof RSAPublicKey rsa) {
      return new RSAKey.Builder(rsa).privateKey(pair.getPrivate()).keyID(configured.keyId())
          .algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
    }
    ECPublicKey ec = (ECPublicKey) pair.getPublic();
    return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).privateKey(pair.getPrivate())
        .keyID(configured.keyId()).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
  }
}
