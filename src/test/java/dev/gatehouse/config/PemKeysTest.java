package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.crypto.keys.InvalidPemException;
import dev.gatehouse.crypto.keys.KeyAlgorithms;
import dev.gatehouse.crypto.keys.KeyIds;
import dev.gatehouse.crypto.keys.PemPrivateKeys;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.Test;

/** {@link PemPrivateKeys}, {@link KeyIds} and {@link KeyAlgorithms} (dev.gatehouse.crypto.keys). */
class PemKeysTest {

  private static final KeyPair RSA = Pem.rsa(2048);
  private static final KeyPair EC = Pem.ec("secp384r1");

  @Test
  void readsRsaKeysInPkcs1AndPkcs8() {
    assertThat(Pem.traditional(RSA)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Pem.pkcs8(RSA)).startsWith("-----BEGIN PRIVATE KEY-----");

    for (String pem : new String[] {Pem.traditional(RSA), Pem.pkcs8(RSA)}) {
      KeyPair parsed = PemPrivateKeys.parse(pem);
      assertThat(parsed.getPrivate()).isInstanceOf(RSAPrivateCrtKey.class);
      assertThat(parsed.getPublic().getEncoded()).isEqualTo(RSA.getPublic().getEncoded());
    }
  }

  @Test
  void readsEcKeysInSec1AndPkcs8() {
    assertThat(Pem.traditional(EC)).startsWith("-----BEGIN EC PRIVATE KEY-----");

    for (String pem : new String[] {Pem.traditional(EC), Pem.pkcs8(EC)}) {
      KeyPair parsed = PemPrivateKeys.parse(pem);
      assertThat(parsed.getPrivate()).isInstanceOf(ECPrivateKey.class);
      assertThat(parsed.getPublic().getEncoded()).isEqualTo(EC.getPublic().getEncoded());
    }
  }

  @Test
  void refusesJunkWithAClearMessage() {
    assertThatThrownBy(() -> PemPrivateKeys.parse("not a key"))
        .isInstanceOf(InvalidPemException.class).hasMessageStartingWith("no PEM block found; expected");
    assertThatThrownBy(() -> PemPrivateKeys.parse(
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
        .isInstanceOf(InvalidPemException.class).hasMessageStartingWith("malformed");
    assertThatThrownBy(() -> PemPrivateKeys.parse(Pem.selfSignedCertificate(RSA,
        new java.util.Date(System.currentTimeMillis() + 86_400_000L))))
        .hasMessageStartingWith("found a certificate but expected a PEM private key");
  }

  @Test
  void derivesAutheliasKeyIdFromTheThumbprint() {
    String rsaKid = KeyIds.derive(RSA.getPublic(), "RS256");
    String ecKid = KeyIds.derive(EC.getPublic(), "ES384");

    assertThat(rsaKid).matches("[0-9a-f]{6}-rs256");
    assertThat(ecKid).matches("[0-9a-f]{6}-es384");
    assertThat(KeyIds.derive(RSA.getPublic(), "RSA-OAEP-256")).isEqualTo(rsaKid.substring(0, 6)
        + "-rsa-oaep-256");
    assertThat(KeyIds.derive(EC.getPublic(), "ECDH-ES+A256KW")).endsWith("-ecdh-es.a256kw");
  }

  @Test
  void detectsTheDefaultAlgorithm() {
    assertThat(KeyAlgorithms.defaultFor(RSA.getPublic(), "sig")).isEqualTo("RS256");
    assertThat(KeyAlgorithms.defaultFor(Pem.ec("secp256r1").getPublic(), "sig")).isEqualTo("ES256");
    assertThat(KeyAlgorithms.defaultFor(EC.getPublic(), "sig")).isEqualTo("ES384");
    assertThat(KeyAlgorithms.defaultFor(Pem.ec("secp521r1").getPublic(), "sig")).isEqualTo("ES512");
    assertThat(KeyAlgorithms.defaultFor(RSA.getPublic(), "enc")).isEqualTo("RSA-OAEP-256");
  }
}
