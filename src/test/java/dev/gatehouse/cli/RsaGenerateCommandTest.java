package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.crypto.keys.KeyIds;
import dev.gatehouse.crypto.keys.PemPrivateKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crypto pair rsa generate}: files Gatehouse reads as a jwks key, with the key id it derives. */
class RsaGenerateCommandTest {

  @TempDir
  Path directory;

  @Test
  void writesAPkcs8PrivateKeyForItsOwnerAndAPublicKeyForAll() throws Exception {
    Path keys = directory.resolve("keys");
    CommandRun run = CommandRun.of("crypto", "pair", "rsa", "generate", "--directory", keys.toString());

    assertThat(run.exitCode()).isZero();
    String privatePem = Files.readString(keys.resolve("private.pem"));
    assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    KeyPair pair = PemPrivateKeys.parse(privatePem);
    assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(publicKey(Files.readString(keys.resolve("public.pem")))).isEqualTo(pair.getPublic());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private.pem"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("public.pem"))))
        .isEqualTo("rw-r--r--");
    assertThat(run.valueOf("Key ID")).startsWith(KeyIds.derive(pair.getPublic(), "RS256") + " ");
    assertThat(run.out()).doesNotContain("BEGIN");
  }

  @Test
  void refusesToReplaceAnExistingKey() throws Exception {
    Path existing = Files.writeString(directory.resolve("private.pem"), "old key");

    CommandRun run = CommandRun.of("crypto", "pair", "rsa", "generate", "-d", directory.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().contains("private.pem already exists");
    assertThat(Files.readString(existing)).isEqualTo("old key");
    assertThat(directory.resolve("public.pem")).doesNotExist();
  }

  @Test
  void refusesKeysGatehouseWouldNotAccept() {
    CommandRun run = CommandRun.of("crypto", "pair", "rsa", "generate", "--bits", "1024", "-d", directory.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--bits must be at least 2048");
  }

  private static PublicKey publicKey(String pem) throws Exception {
    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n");
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
