package dev.gatehouse.oidc.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.ServerConfig.Bucket;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token buckets with Authelia's meaning: a burst of {@code requests}, then one per {@code period}. */
class ClientRateLimiterTest {

  private static final List<Bucket> AUTHELIA_DEFAULTS = List.of(
      new Bucket(Duration.ofMinutes(1), 30),
      new Bucket(Duration.ofMinutes(2), 40),
      new Bucket(Duration.ofMinutes(10), 50),
      new Bucket(Duration.ofHours(1), 100));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void aBurstOfThirtyThenOneAMinute() {
    ClientRateLimiter limiter = new ClientRateLimiter(AUTHELIA_DEFAULTS, 100, clock);
    for (int i = 0; i < 30; i++) {
      assertThat(limiter.admit("203.0.113.7")).as("request %d", i + 1).isZero();
    }
    assertThat(limiter.admit("203.0.113.7")).isEqualTo(Duration.ofMinutes(1));
    assertThat(limiter.admit("198.51.100.1")).as("another client has its own buckets").isZero();

    clock.advance(Duration.ofSeconds(45));
    assertThat(limiter.admit("203.0.113.7")).isEqualTo(Duration.ofSeconds(15));
    clock.advance(Duration.ofSeconds(15));
    assertThat(limiter.admit("203.0.113.7")).isZero();
    assertThat(limiter.admit("203.0.113.7")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theLongerBucketsTakeOverUnderASteadyFlood() {
    ClientRateLimiter limiter = new ClientRateLimiter(AUTHELIA_DEFAULTS, 100, clock);
    int admitted = 0;
    for (int minute = 0; minute < 60; minute++) {
      while (limiter.admit("203.0.113.7").isZero()) {
        admitted++;
      }
      clock.advance(Duration.ofMinutes(1));
    }
    // The ten-minute bucket decides: its room of 50, plus the 5 tokens it gets back in 59 minutes.
    assertThat(admitted).isEqualTo(55);
  }

  @Test
  void aRefundedRequestDoesNotCount() {
    ClientRateLimiter limiter = new ClientRateLimiter(List.of(new Bucket(Duration.ofMinutes(1), 2)), 100, clock);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.admit("203.0.113.7")).isZero();
      limiter.refund("203.0.113.7");
    }
    assertThat(limiter.admit("203.0.113.7")).isZero();
    assertThat(limiter.admit("203.0.113.7")).isZero();
    assertThat(limiter.admit("203.0.113.7")).isPositive();
  }

  @Test
  void clientsAreForgottenOnceRefilledAndNeverMoreThanTheBound() {
    ClientRateLimiter limiter = new ClientRateLimiter(List.of(new Bucket(Duration.ofMinutes(1), 2)), 3, clock);
    for (int i = 0; i < 10; i++) {
      limiter.admit("203.0.113." + i);
    }
    assertThat(limiter.size()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(1));
    limiter.admit("198.51.100.1");
    assertThat(limiter.size()).as("the refilled ones are forgotten").isEqualTo(1);
  }
}
