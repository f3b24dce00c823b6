package dev.gatehouse.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecipientTest {

  @Test
  void headerValueQuotesTheNameAsGoDoes() {
    assertThat(new Recipient("John Doe", "john@example.com").toHeaderValue()).isEqualTo("\"John Doe\" <john@example.com>");
    assertThat(new Recipient("Al \"Bo\" \\ C", "a@example.com").toHeaderValue())
        .isEqualTo("\"Al \\\"Bo\\\" \\\\ C\" <a@example.com>");
  }

  @Test
  void headerValueWithoutANameIsTheBareAddress() {
    assertThat(new Recipient(null, "john@example.com").toHeaderValue()).isEqualTo("<john@example.com>");
    assertThat(new Recipient(" ", "john@example.com").toHeaderValue()).isEqualTo("<john@example.com>");
  }

  @Test
  void nonAsciiNameIsEncoded() {
    assertThat(new Recipient("Jörg", "j@example.com").toHeaderValue()).isEqualTo("=?UTF-8?Q?J=C3=B6rg?= <j@example.com>");
  }

  @Test
  void anAddressIsRequired() {
    assertThatThrownBy(() -> new Recipient("John", " ")).isInstanceOf(IllegalArgumentException.class);
  }
}
