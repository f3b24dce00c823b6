package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.crypto.PasswordDigestGenerator.Argon2Options;
import dev.gatehouse.crypto.PasswordDigestGenerator.Pbkdf2Options;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PasswordDigestGeneratorTest {

  private static final String SEED_DIGEST = "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$"
      + "JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";
  /**
   * From Authelia's docs/content/reference/guides/passwords.md, the output of
   * {@code authelia crypto hash generate argon2 --password 'password'}; Debian's python3-argon2 (argon2-cffi 21.1.0)
   * also verifies it against "password".
   */
  private static final String AUTHELIA_ARGON2_EXAMPLE =
      "$argon2id$v=19$m=65536,t=3,p=4$Hjc8e7WYcBFcJmEDUOsS9A$ozM7RyZR1EyDR8cuyVpDDfmLrGPGFgo5E2NNqRumui4";

  private final PasswordDigestGenerator generator = new PasswordDigestGenerator();

  @Test
  void defaultPbkdf2WithTheSeedSaltReproducesTheSeedDigestExactly() {
    PasswordDigestGenerator withSeedSalt =
        new PasswordDigestGenerator(new FixedBytesRandom(AdaptedBase64.decode("c8p78n7pUMln0jzvd4aK4Q")));

    assertThat(withSeedSalt.pbkdf2("insecure_secret").encoded()).isEqualTo(SEED_DIGEST);
  }

  @Test
  void defaultArgon2WithAutheliasSaltReproducesAutheliasExampleExactly() {
    PasswordDigestGenerator withExampleSalt =
        new PasswordDigestGenerator(new FixedBytesRandom(Base64.getDecoder().decode("Hjc8e7WYcBFcJmEDUOsS9A")));

    assertThat(withExampleSalt.argon2("password").encoded()).isEqualTo(AUTHELIA_ARGON2_EXAMPLE);
  }

  @Test
  void defaultsAreAutheliasDefaults() {
    assertThat(Pbkdf2Options.AUTHELIA_DEFAULT).isEqualTo(new Pbkdf2Options(Pbkdf2Variant.SHA512, 310_000, 16));
    assertThat(Argon2Options.AUTHELIA_DEFAULT)
        .isEqualTo(new Argon2Options(Argon2Variant.ARGON2ID, 3, 65536, 4, 32, 16));
  }

  /*
   * Checked once by hand, not at test time: this test's digests, printed from a run, were verified by Debian 12's
   * python3 with hashlib.pbkdf2_hmac(name, secret.encode(), ab64decode(salt), rounds, len(key)) == key, where
   * ab64decode(s) = base64.b64decode(s.replace('.', '+') + '=' * (-len(s) % 4)), and by passlib's
   * pbkdf2_sha512/pbkdf2_sha256.verify; all True, and False for a wrong secret. Two of them:
   *   $pbkdf2-sha512$310000$UCESP/MU4qYuZMtbYBGETQ$B/dd1r9YRC80Up.BcaO/ZtfhIReTiJG0NxJmiwlqfi0KvfGNk4d8vIerA3EGbSP/ySL3
   *     n/kUsyLpPdNDukoiQg  = insecure_secret (generator defaults)
   *   $pbkdf2-sha256$1000$Hd76VP85RqtLW1rrj21LgQ$tM8Rtz8Psvk4qOhjjVT4y06kWLsSuwOBvAA6die7shk  = pässwörd
   * An argon2id default digest, $argon2id$v=19$m=65536,t=3,p=4$rVC2lOCDbKEyN/PjxAyEgg$dcnXMJn5xqSBiApfUG9SOXmpnUqZqCYy
   * qk+42Yi31QI = insecure_secret, was likewise verified by python3-argon2's PasswordHasher().verify.
   */
  @ParameterizedTest
  @EnumSource(Pbkdf2Variant.class)
  void pbkdf2RoundTripsThroughParse(Pbkdf2Variant variant) {
    String encoded = generator.pbkdf2("pässwörd", new Pbkdf2Options(variant, 1000, 16)).encoded();
    PasswordDigest parsed = PasswordDigests.parse(encoded);

    assertThat(encoded).matches("\\$" + variant.identifier() + "\\$1000\\$[A-Za-z0-9./]{22}\\$[A-Za-z0-9./]+");
    assertThat(parsed.encoded()).isEqualTo(encoded);
    assertThat(parsed.matches("pässwörd")).isTrue();
    assertThat(parsed.matches("passwörd")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Argon2Variant.class)
  void argon2RoundTripsThroughParse(Argon2Variant variant) {
    String encoded = generator.argon2("pässwörd", new Argon2Options(variant, 2, 64, 2, 24, 12)).encoded();
    PasswordDigest parsed = PasswordDigests.parse(encoded);

    assertThat(encoded).matches(
        "\\$" + variant.identifier() + "\\$v=19\\$m=64,t=2,p=2\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{32}");
    assertThat(parsed.matches("pässwörd")).isTrue();
    assertThat(parsed.matches("passwörd")).isFalse();
  }

  @Test
  void saltsAreFreshEachTime() {
    Pbkdf2Options cheap = new Pbkdf2Options(Pbkdf2Variant.SHA256, 1, 16);

    assertThat(generator.pbkdf2("same", cheap).encoded()).isNotEqualTo(generator.pbkdf2("same", cheap).encoded());
  }

  @Test
  void refusesOptionsThatWouldMakeAnUnusableDigest() {
    assertThatThrownBy(() -> new Pbkdf2Options(Pbkdf2Variant.SHA512, 0, 16)).hasMessage(
        "iterations must be at least 1 but is 0");
    assertThatThrownBy(() -> new Pbkdf2Options(Pbkdf2Variant.SHA512, 1000, 4)).hasMessage(
        "salt length must be at least 8 but is 4");
    assertThatThrownBy(() -> new Argon2Options(Argon2Variant.ARGON2ID, 3, 16, 4, 32, 16)).hasMessage(
        "argon2id memory (m) must be at least 8 KiB per lane, i.e. at least 32 for p=4");
    assertThatThrownBy(() -> new Argon2Options(Argon2Variant.ARGON2ID, 3, 8 * 1024 * 1024, 4, 32, 16)).hasMessage(
        "memory (KiB) must be between 1 and 4194304 but is 8388608");
    assertThatThrownBy(() -> new Argon2Options(Argon2Variant.ARGON2ID, 3, 64, 4, 2, 16)).hasMessage(
        "key length must be at least 4 but is 2");
  }
}
