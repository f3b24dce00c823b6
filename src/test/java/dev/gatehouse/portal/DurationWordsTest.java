package dev.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationWordsTest {

  @Test
  void saysTheLargestUnitsThatFit() {
    assertThat(DurationWords.of(Duration.ofDays(7))).isEqualTo("1 week");
    assertThat(DurationWords.of(Duration.ofDays(14))).isEqualTo("2 weeks");
    assertThat(DurationWords.of(Duration.ofSeconds(2))).isEqualTo("2 seconds");
    assertThat(DurationWords.of(Duration.ofDays(30))).isEqualTo("1 month");
    assertThat(DurationWords.of(Duration.ofDays(365))).isEqualTo("1 year");
  }

  @Test
  void joinsSeveralUnitsAsASentence() {
    assertThat(DurationWords.of(Duration.ofHours(36))).isEqualTo("1 day and 12 hours");
    assertThat(DurationWords.of(Duration.ofDays(8).plusMinutes(1))).isEqualTo("1 week, 1 day and 1 minute");
  }

  @Test
  void roundsAwayWhatIsShorterThanASecond() {
    assertThat(DurationWords.of(Duration.ofMillis(1500))).isEqualTo("1 second");
    assertThat(DurationWords.of(Duration.ZERO)).isEqualTo("less than a second");
  }
}
