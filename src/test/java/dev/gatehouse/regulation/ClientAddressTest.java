package dev.gatehouse.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One key per address, whatever its spelling; anything else shares one key and never reaches DNS. */
class ClientAddressTest {

  @ParameterizedTest
  @CsvSource({
      "203.0.113.7, 203.0.113.7",
      "203.000.113.007, 203.0.113.7",
      "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
      "2001:db8:0:0:0:0:0:1, 2001:db8:0:0:0:0:0:1",
      "::1, 0:0:0:0:0:0:0:1",
      "::ffff:203.0.113.7, 203.0.113.7"})
  void anAddressHasOneKey(String remoteAddr, String key) {
    assertThat(ClientAddress.of(remoteAddr)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "example.com", "beef.cafe", "1.2.3.4, 5.6.7.8", "::g",
      "1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6:7:8:9:0:1:2:3:4:5"})
  void anythingElseIsUnparsable(String remoteAddr) {
    assertThat(ClientAddress.of(remoteAddr)).isEqualTo(ClientAddress.UNPARSABLE);
  }
}
