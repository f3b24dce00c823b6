package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaintextDigestTest {

  @Test
  void bareValueIsLegacyPlaintext() {
    PasswordDigest digest = PasswordDigests.parse("a-bare-client-secret");

    assertThat(digest.isLegacyPlaintext()).isTrue();
    assertThat(digest.matches("a-bare-client-secret")).isTrue();
    assertThat(digest.matches("a-bare-client-secreT")).isFalse();
    assertThat(digest.encoded()).isEqualTo("a-bare-client-secret");
  }

  @Test
  void prefixedPlaintextIsNotLegacyAndMayContainDollars() {
    PasswordDigest digest = PasswordDigests.parse("$plaintext$se$cret$");

    assertThat(digest.isLegacyPlaintext()).isFalse();
    assertThat(digest.matches("se$cret$")).isTrue();
    assertThat(digest.matches("se")).isFalse();
  }

  @Test
  void ldapSchemeWithoutADigestBehindItStaysABareSecret() {
    PasswordDigest digest = PasswordDigests.parse("{CRYPT}not-a-digest");

    assertThat(digest.isLegacyPlaintext()).isTrue();
    assertThat(digest.matches("{CRYPT}not-a-digest")).isTrue();
  }

  @Test
  void plaintextFormsExposeTheSecretForClientSecretJwt() {
    assertThat(PasswordDigests.parse("$plaintext$example").plaintextSecret())
        .hasValue("example".getBytes(StandardCharsets.UTF_8));
    assertThat(PasswordDigests.parse("$base64$c2VjcmV0JHdpdGgkZG9sbGFycw").plaintextSecret())
        .hasValue("secret$with$dollars".getBytes(StandardCharsets.UTF_8));
    assertThat(PasswordDigests.parse("bare").plaintextSecret()).hasValue("bare".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void hashedDigestsDoNotExposeASecret() {
    PasswordDigest digest = PasswordDigests.parse("$5$saltsalt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.");

    assertThat(digest.plaintextSecret()).isEmpty();
    assertThat(digest.isLegacyPlaintext()).isFalse();
  }
}
