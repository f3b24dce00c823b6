package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.reader.Durations;
import dev.gatehouse.config.schema.ServerConfig.Bucket;
import dev.gatehouse.config.schema.ServerConfig.RateLimit;
import dev.gatehouse.config.schema.ServerConfig.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code server.endpoints.rate_limits} for the OpenID Connect endpoints Gatehouse serves, with
 * Authelia's defaults (enabled; 30 per minute, 40 per 2 minutes, 50 per 10 minutes, 100 per hour)
 * and its rules: a bucket needs a period of at least 10 seconds and at least one request.
 */
final class RateLimitBinder {

  static final List<Bucket> DEFAULT_BUCKETS = List.of(
      new Bucket(Duration.ofMinutes(1), 30),
      new Bucket(Duration.ofMinutes(2), 40),
      new Bucket(Duration.ofMinutes(10), 50),
      new Bucket(Duration.ofHours(1), 100));
  private static final Duration SHORTEST_PERIOD = Duration.ofSeconds(10);

  private RateLimitBinder() {
  }

  static RateLimits bind(ConfigNode rateLimits) {
    return new RateLimits(endpoint(rateLimits.child("openid_connect_token")),
        endpoint(rateLimits.child("openid_connect_userinfo")),
        endpoint(rateLimits.child("openid_connect_introspection")),
        endpoint(rateLimits.child("openid_connect_revocation")));
  }

  private static RateLimit endpoint(ConfigNode endpoint) {
    boolean enable = endpoint.child("enable").bool(true);
    List<ConfigNode> items = endpoint.child("buckets").items();
    if (items.isEmpty()) {
      return new RateLimit(enable, DEFAULT_BUCKETS);
    }
    List<Bucket> buckets = new ArrayList<>();
    for (ConfigNode item : items) {
      ConfigNode periodNode = item.child("period");
      Duration period = periodNode.durationOrNull();
      if (period == null || period.isZero() || period.isNegative()) {
        periodNode.error("must have a value");
      } else if (period.compareTo(SHORTEST_PERIOD) < 0) {
        periodNode.error("has a value of '" + Durations.format(period) + "' but it must be at least 10 seconds");
      }
      ConfigNode requestsNode = item.child("requests");
      int requests = requestsNode.integer(0);
      if (requests <= 0) {
        requestsNode.error("has a value of '" + requests + "' but it must be at least 1");
      }
      buckets.add(new Bucket(period, requests));
    }
    return new RateLimit(enable, List.copyOf(buckets));
  }
}
