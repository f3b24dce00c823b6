package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestPasswordEncoderTest {

  private static final String SHA256_CRYPT = "$5$saltsalt$gOjOtoMpVhru2uyjeJSEc/JaLQWOXMNmlOnj6T4AtC.";

  private final DigestPasswordEncoder encoder = new DigestPasswordEncoder();

  @Test
  void matchesAnyParsableDigest() {
    assertThat(encoder.matches("password", SHA256_CRYPT)).isTrue();
    assertThat(encoder.matches("password ", SHA256_CRYPT)).isFalse();
    assertThat(encoder.matches("password", "$2b$04$vcjRkZvU5ZyjmAeg5t5qsep1IU3wlQSC7XBdZeq4wRTLi923KJS1e")).isTrue();
    assertThat(encoder.matches("bare-secret", "bare-secret")).isTrue();
  }

  @Test
  void encodesAsArgon2idWithAutheliasDefaults() {
    // Matching it would pay another 64 MiB derivation; PasswordDigestGeneratorTest proves the derivation exact.
    assertThat(encoder.encode("insecure_secret"))
        .matches("\\$argon2id\\$v=19\\$m=65536,t=3,p=4\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(encoder.encode(null)).isNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"$pbkdf2-sha512$310000$broken", "$unknown$x", "$2b$99$abc", "$"})
  void malformedOrMissingEncodedValueNeverMatchesAndNeverThrows(String encoded) {
    assertThat(encoder.matches("anything", encoded)).isFalse();
    assertThat(encoder.matches("anything", encoded)).isFalse();
  }

  @Test
  void nullSecretNeverMatches() {
    assertThat(encoder.matches(null, SHA256_CRYPT)).isFalse();
  }

  @Test
  void neverAsksForAnUpgrade() {
    assertThat(encoder.upgradeEncoding(SHA256_CRYPT)).isFalse();
    assertThat(encoder.upgradeEncoding("bare-secret")).isFalse();
  }

  @Test
  void keepsWorkingWhenTheCacheOverflows() {
    DigestPasswordEncoder tiny = new DigestPasswordEncoder(new PasswordDigestGenerator(), 1, null);

    for (int i = 0; i < 3; i++) {
      assertThat(tiny.matches("password", SHA256_CRYPT)).isTrue();
      assertThat(tiny.matches("plain-" + i, "plain-" + i)).isTrue();
    }
  }
}
