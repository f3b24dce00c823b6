package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.List;

/**
 * {@code server}: where Gatehouse listens. Authelia writes it as {@code tcp://[host]:port/[path]};
 * the default {@code tcp://:9091/} means every interface, port 9091, served at the root.
 */
public record ServerConfig(String host, int port, String path, RateLimits rateLimits) {

  /** {@code server.endpoints.rate_limits}: per-IP limits of the OpenID Connect endpoints. */
  public record RateLimits(RateLimit token, RateLimit userinfo, RateLimit introspection, RateLimit revocation) {
  }

  /** {@code server.endpoints.rate_limits.<endpoint>}: its buckets, unless {@code enable: false}. */
  public record RateLimit(boolean enable, List<Bucket> buckets) {
  }

  /** A token bucket as Authelia has it: room for {@code requests}, and one more every {@code period}. */
  public record Bucket(Duration period, int requests) {
  }
}
