package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.reader.Durations;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authelia's duration syntax. */
class DurationsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "90         | PT1M30S",
      "0          | PT0S",
      "-1         | PT-1S",
      "30s        | PT30S",
      "90m        | PT1H30M",
      "1h         | PT1H",
      "1h30m      | PT1H30M",
      "1 hour and 20 minutes | PT1H20M",
      "1d         | PT24H",
      "1 week     | PT168H",
      "2 weeks    | PT336H",
      "1w         | PT168H",
      "1M         | PT720H",
      "1 month    | PT720H",
      "1y         | PT8760H",
      "2 years    | PT17520H",
      "500ms      | PT0.5S",
      "5 minutes  | PT5M",
  })
  void parses(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "soon       | could not parse 'soon' as a duration",
      "1.5h       | the unit '.' in '1.5h' is not valid; use s, m, h, d, w, M, y or their names (e.g. 'minutes')",
      "5 parsecs  | the unit 'parsecs' in '5 parsecs' is not valid; use s, m, h, d, w, M, y or their names (e.g. 'minutes')",
  })
  void refuses(String text, String message) {
    assertThatThrownBy(() -> Durations.parse(text)).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"PT1H30M, 1h30m", "PT2M, 2m", "PT168H, 7d", "PT0S, 0s"})
  void formats(Duration duration, String text) {
    assertThat(Durations.format(duration)).isEqualTo(text);
  }
}
