package dev.gatehouse.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Authelia's delay: failures padded to the average success (at least 250 ms) plus jitter. */
class TimingAttackDelayTest {

  private final List<Duration> slept = new ArrayList<>();
  private final TimingAttackDelay delay = new TimingAttackDelay(new Random(1), slept::add);

  @Test
  void aQuickFailureWaitsForTheMinimumPlusJitter() {
    assertThat(delay.failureDelay(Duration.ofMillis(10), 0)).isEqualTo(Duration.ofMillis(240));
    assertThat(delay.failureDelay(Duration.ofMillis(10), 40)).isEqualTo(Duration.ofMillis(280));
  }

  @Test
  void slowSuccessesRaiseTheTargetToTheirMovingAverage() {
    for (int i = 0; i < 10; i++) {
      delay.recordSuccess(Duration.ofMillis(600));
    }
    assertThat(delay.failureDelay(Duration.ofMillis(100), 0)).isEqualTo(Duration.ofMillis(500));
    delay.recordSuccess(Duration.ofMillis(100));
    assertThat(delay.failureDelay(Duration.ofMillis(100), 0)).isEqualTo(Duration.ofMillis(450));
  }

  @Test
  void aFailureSlowerThanTheTargetIsNotDelayedFurther() {
    assertThat(delay.failureDelay(Duration.ofSeconds(2), 0)).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void everyFailureWaitsWithinTheJitterRange() {
    for (int i = 0; i < 50; i++) {
      delay.delayFailure(Duration.ZERO);
    }
    Duration longest = TimingAttackDelay.MINIMUM.plusMillis(TimingAttackDelay.MAX_JITTER_MILLIS);
    assertThat(slept).allSatisfy(wait -> assertThat(wait).isBetween(TimingAttackDelay.MINIMUM, longest));
    assertThat(slept.stream().distinct().count()).as("jitter varies").isGreaterThan(1);
  }
}
