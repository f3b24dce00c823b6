package dev.gatehouse.oidc.ratelimit;

import dev.gatehouse.config.schema.ServerConfig.Bucket;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket with Authelia's meaning of {@code requests} per {@code period}: room for
 * {@code requests} tokens, and one token back every {@code period} (golang.org/x/time/rate with
 * {@code rate.Every(period)}), so a client that has used its burst gets one request per period.
 */
final class TokenBucket {

  private final int capacity;
  private final Duration period;
  private double tokens;
  private Instant updated;

  TokenBucket(Bucket bucket, Instant now) {
    this.capacity = bucket.requests();
    this.period = bucket.period();
    this.tokens = capacity;
    this.updated = now;
  }

  /** How long until a token is there; zero when one is. */
  Duration shortfall(Instant now) {
    refill(now);
    return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) * period.toNanos()));
  }

  void take() {
    tokens -= 1;
  }

  void giveBack() {
    tokens = Math.min(capacity, tokens + 1);
  }

  boolean isFull(Instant now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(Instant now) {
    if (now.isAfter(updated)) {
      tokens = Math.min(capacity, tokens + (double) Duration.between(updated, now).toNanos() / period.toNanos());
      updated = now;
    }
  }
}
