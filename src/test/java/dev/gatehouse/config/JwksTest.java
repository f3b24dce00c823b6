package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.WITH_CLIENT;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.config.schema.OidcConfig;
import dev.gatehouse.crypto.keys.KeyIds;
import java.security.KeyPair;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** {@code identity_providers.oidc.jwks}, checked as Authelia checks it. */
class JwksTest {

  private static final KeyPair RSA = Pem.rsa(2048);
  private static final KeyPair EC = Pem.ec("secp256r1");

  private static String withJwks(String jwksYaml) {
    return WITH_CLIENT.replace("    clients:\n", "    jwks:\n" + jwksYaml.indent(6) + "    clients:\n");
  }

  private static String keyEntry(String pem) {
    return "- key: |\n" + pem.indent(4);
  }

  @Test
  void keyIdAndAlgorithmAreDerivedWhenAbsent() {
    LoadResult result = load(withJwks(keyEntry(Pem.pkcs8(RSA)) + keyEntry(Pem.traditional(EC))));

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().oidc().jwks()).extracting(OidcConfig.Jwk::keyId,
        OidcConfig.Jwk::algorithm, OidcConfig.Jwk::use).containsExactly(
        tuple(KeyIds.derive(RSA.getPublic(), "RS256"), "RS256", "sig"),
        tuple(KeyIds.derive(EC.getPublic(), "ES256"), "ES256", "sig"));
  }

  @Test
  void aClientMayUseTheAlgorithmOfAConfiguredKey() {
    LoadResult result = load(withJwks(keyEntry(Pem.pkcs8(RSA)) + keyEntry(Pem.pkcs8(EC)))
        + "        id_token_signed_response_alg: 'ES256'\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().oidc().clients().get(0).idTokenSignedResponseAlg())
        .isEqualTo("ES256");
  }

  @Test
  void anRs256KeyIsRequiredWhenKeysAreConfigured() {
    LoadResult result = load(withJwks(keyEntry(Pem.pkcs8(EC))));

    assertThat(result.errors()).containsExactly("identity_providers.oidc.jwks: must at least have"
        + " one key supporting the 'RS256' algorithm but only has 'ES256'");
  }

  @Test
  void smallRsaKeyIsRefused() {
    LoadResult result = load(withJwks(keyEntry(Pem.pkcs8(Pem.rsa(1024)))));

    assertThat(result.errors()).containsExactly("identity_providers.oidc.jwks[0].key: is an RSA"
        + " 1024 bit private key but it must at minimum be a RSA 2048 bit private key");
  }

  @Test
  void junkKeyAndBadKeyIdAndDuplicates() {
    LoadResult result = load(withJwks("""
        - key_id: 'main'
          key: 'not a key'
        - key_id: 'main'
          key: |
        """ + Pem.pkcs8(RSA).indent(4) + """
        - key_id: '-bad id-'
          use: 'sign'
          key: |
        """ + Pem.pkcs8(RSA).indent(4) + """
        - key_id: 'other'
          algorithm: 'ES256'
          key: |
        """ + Pem.pkcs8(RSA).indent(4)));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.jwks[0].key: is not a usable private key: no PEM block found;"
            + " expected a PEM private key ('-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE"
            + " KEY-----' or '-----BEGIN EC PRIVATE KEY-----')",
        "identity_providers.oidc.jwks[2].use: must be one of 'sig' or 'enc' but it's configured as"
            + " 'sign'",
        "identity_providers.oidc.jwks[2].key_id: '-bad id-' must only contain RFC3986 unreserved"
            + " characters and must only start and end with alphanumeric characters",
        "identity_providers.oidc.jwks[3].algorithm: 'ES256' cannot be used with this RSA key; use"
            + " RS256, RS384, RS512, PS256, PS384 or PS512");
  }

  @Test
  void duplicateKeyId() {
    LoadResult result = load(withJwks("- key_id: 'main'\n  key: |\n" + Pem.pkcs8(RSA).indent(4)
        + "- key_id: 'main'\n  key: |\n" + Pem.pkcs8(Pem.rsa(2048)).indent(4)));

    assertThat(result.errors()).containsExactly("identity_providers.oidc.jwks[1].key_id: 'main'"
        + " must be unique but another 'sig' key has it");
  }

  @Test
  void certificateChainMustCertifyTheKey() {
    Date nextYear = new Date(System.currentTimeMillis() + 365L * 86_400_000L);
    String good = Pem.selfSignedCertificate(RSA, nextYear);
    String otherKey = Pem.selfSignedCertificate(Pem.rsa(2048), nextYear);

    assertThat(load(withJwks(keyEntry(Pem.pkcs8(RSA)) + "  certificate_chain: |\n"
        + good.indent(4))).errors()).isEmpty();
    assertThat(load(withJwks(keyEntry(Pem.pkcs8(RSA)) + "  certificate_chain: |\n"
        + otherKey.indent(4))).errors()).containsExactly(
        "identity_providers.oidc.jwks[0].certificate_chain: does not appear to contain the public"
            + " key for the private key provided by option 'key'");
  }

  @Test
  void legacyIssuerPrivateKeyBecomesTheFirstKey() {
    LoadResult result = load(WITH_CLIENT.replace("    clients:\n",
        "    issuer_private_key: |\n" + Pem.traditional(RSA).indent(6) + "    clients:\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().oidc().jwks()).singleElement()
        .satisfies(jwk -> assertThat(jwk.keyId()).isEqualTo(KeyIds.derive(RSA.getPublic(), "RS256")));
    assertThat(result.warnings()).singleElement().asString()
        .startsWith("identity_providers.oidc.issuer_private_key: configuration key"
            + " 'identity_providers.oidc.issuer_private_key' is deprecated in 4.38.0");
  }
}
