package dev.gatehouse.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpSecretsTest {

  @Test
  void generatesTheRequestedNumberOfRandomBytes() {
    byte[] first = TotpSecrets.generate(32);
    byte[] second = TotpSecrets.generate(32);

    assertThat(first).hasSize(32);
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void refusesSecretsShorterThanAutheliasMinimum() {
    assertThatThrownBy(() -> TotpSecrets.generate(19)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodesRfc4648VectorsWithoutPadding() {
    assertThat(TotpSecrets.encode(ascii("f"))).isEqualTo("MY");
    assertThat(TotpSecrets.encode(ascii("foobar"))).isEqualTo("MZXW6YTBOI");
    assertThat(TotpSecrets.encode(ascii("12345678901234567890"))).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 21, 22, 23, 24, 32, 64})
  void roundTripsEverySizeThatNeedsPadding(int size) {
    byte[] secret = TotpSecrets.generate(size);
    String text = TotpSecrets.encode(secret);

    assertThat(text).doesNotContain("=").matches("[A-Z2-7]+");
    assertThat(TotpSecrets.decode(text)).isEqualTo(secret);
  }

  @Test
  void decodesWhatPeopleType() {
    byte[] expected = ascii("foobar");

    assertThat(TotpSecrets.decode("mzxw 6ytb oi")).isEqualTo(expected);
    assertThat(TotpSecrets.decode(" MZXW6YTBOI======\n")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "====", "MZXW6YTB0I", "MZXW6YTB1I", "MZXW-6YTB-OI", "M", "MZX", "MZXW6YTBOJ"})
  void refusesTextThatIsNotBase32(String text) {
    assertThatThrownBy(() -> TotpSecrets.decode(text)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
