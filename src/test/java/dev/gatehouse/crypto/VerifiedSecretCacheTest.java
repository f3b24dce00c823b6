package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifiedSecretCacheTest {

  private static final String SEED =
      "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";

  @Test
  void onlyTheSamePairOfDigestAndSecretHits() {
    VerifiedSecretCache cache = new VerifiedSecretCache(8);
    cache.remember("$plaintext$a", "secret");
    assertThat(cache.contains("$plaintext$a", "secret")).isTrue();
    assertThat(cache.contains("$plaintext$a", "secreT")).isFalse();
    assertThat(cache.contains("$plaintext$b", "secret")).isFalse();
    assertThat(cache.contains("$plaintext$", "asecret")).isFalse();
  }

  @Test
  void isBoundedDroppingTheLeastRecentlyUsed() {
    VerifiedSecretCache cache = new VerifiedSecretCache(2);
    cache.remember("d", "one");
    cache.remember("d", "two");
    assertThat(cache.contains("d", "one")).isTrue();
    cache.remember("d", "three");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.contains("d", "two")).isFalse();
    assertThat(cache.contains("d", "one")).isTrue();
  }

  @Test
  void encoderRemembersOnlySuccessesAndNeverLetsAWrongSecretThrough() {
    VerifiedSecretCache cache = new VerifiedSecretCache(8);
    DigestPasswordEncoder encoder = new DigestPasswordEncoder(cache);
    assertThat(encoder.matches("wrong_secret", SEED)).isFalse();
    assertThat(cache.size()).isZero();
    assertThat(encoder.matches("insecure_secret", SEED)).isTrue();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.contains(SEED, "insecure_secret")).isTrue();
    assertThat(encoder.matches("insecure_secret", SEED)).isTrue();
    assertThat(encoder.matches("wrong_secret", SEED)).isFalse();
  }
}
