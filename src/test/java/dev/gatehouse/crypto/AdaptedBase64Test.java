package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdaptedBase64Test {

  @Test
  void decodesTheSeedDigestSaltAndHashAsTheReferenceDoes() {
    assertThat(AdaptedBase64.decode("c8p78n7pUMln0jzvd4aK4Q"))
        .isEqualTo(HexFormat.of().parseHex("73ca7bf27ee950c967d23cef77868ae1"));
    String hash = "JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";
    byte[] key = AdaptedBase64.decode(hash);

    assertThat(key).isEqualTo(HexFormat.of().parseHex("24d441cf0028d1e939a8a9f9d1c173cef13d45757cf21d70267e4a1a21eb0f4"
        + "60ab59691fe709bd8224f3ac29a3cad218dffbdc87c734066738b389c729e989e"));
    assertThat(AdaptedBase64.encode(key)).isEqualTo(hash);
  }

  @Test
  void usesDotForPlusAndNoPadding() {
    byte[] bytes = {(byte) 0xfb, (byte) 0xef, (byte) 0xff, 0x01};

    assertThat(AdaptedBase64.encode(bytes)).isEqualTo("..//AQ");
    assertThat(AdaptedBase64.decode("..//AQ")).isEqualTo(bytes);
    assertThat(AdaptedBase64.decode("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"++//AQ", "..//AQ==", "..//A", "..-_AQ", "..// AQ", "c8p78n7pUMln0jzvd4aK4Q\n", "é..."})
  void rejectsTextOutsideTheAlphabetOrWithPaddingOrBadLength(String text) {
    assertThatThrownBy(() -> AdaptedBase64.decode(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
