package dev.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JWKS: a generated key survives restarts; a configured key is served as configured. */
class SigningKeysTest {

  @Test
  void generatedKeyKeepsItsKidAcrossRestartsAndIsStoredEncrypted(@TempDir Path directory) throws Exception {
    JWKSet first;
    try (TestGatehouse gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS)) {
      first = jwks(gatehouse);
    }
    assertThat(first.getKeys()).hasSize(1);
    RSAKey key = first.getKeys().get(0).toRSAKey();
    assertThat(key.isPrivate()).isFalse();
    assertThat(key.getModulus().decode().length * 8).isEqualTo(2048);
    assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
    try (TestGatehouse restarted = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS)) {
      assertThat(jwks(restarted).getKeys()).extracting(JWK::getKeyID).containsExactly(key.getKeyID());
    }
    String database = Files.readString(directory.resolve("db.mv.db"), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(database).doesNotContain("BEGIN PRIVATE KEY").doesNotContain(key.getModulus().toString());
  }

  @Test
  void configuredKeyIsServedWithItsKeyId(@TempDir Path directory) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    String jwks = """
            jwks:
              - key_id: 'main-signing-key'
                key: |
        %s
        """.formatted(pem.lines().map(line -> "              " + line).reduce((a, b) -> a + "\n" + b).orElseThrow());
    try (TestGatehouse gatehouse = TestGatehouse.start(directory, jwks + TestGatehouse.ONE_FACTOR_CLIENTS)) {
      assertThat(jwks(gatehouse).getKeys()).extracting(JWK::getKeyID).containsExactly("main-signing-key");
    }
  }

  private static JWKSet jwks(TestGatehouse gatehouse) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/jwks.json")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JWKSet.parse(response.body());
  }
}
