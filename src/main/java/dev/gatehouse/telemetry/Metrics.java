package dev.gatehouse.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The meters Gatehouse keeps, named as Authelia names its metrics ({@code authelia_request},
 * {@code authelia_request_duration}, {@code authelia_request_duration_openid_connect},
 * {@code authelia_authn}, {@code authelia_authn_second_factor}) with their labels, plus
 * {@code gatehouse_tokens_issued} by grant type. Prometheus's text format adds its suffixes:
 * {@code _total} to counters, {@code _seconds} to durations.
 */
public final class Metrics {

  /** Authelia's request-duration buckets, in seconds. */
  private static final Duration[] REQUEST_BUCKETS = seconds(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 15,
      20, 30, 40, 50, 60);

  private final MeterRegistry registry;

  Metrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters kept for Prometheus to scrape. */
  public static Metrics prometheus() {
    return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Meters that record nothing, for when {@code telemetry.metrics} is off. */
  public static Metrics none() {
    return new Metrics(new CompositeMeterRegistry());
  }

  /** Prometheus's text format of every meter; empty when nothing is kept. */
  public String scrape() {
    return registry instanceof PrometheusMeterRegistry prometheus ? prometheus.scrape() : "";
  }

  /** Any HTTP request Gatehouse answered. */
  public void request(int status, String method, Duration elapsed) {
    String code = String.valueOf(status);
    Counter.builder("authelia.request").description("The number of HTTP requests processed.")
        .tags("code", code, "method", method).register(registry).increment();
    Timer.builder("authelia.request.duration").description("The time a HTTP request takes to process.")
        .tags("code", code).serviceLevelObjectives(REQUEST_BUCKETS).register(registry).record(elapsed);
  }

  /** A request to one of the OpenID Connect endpoints, named as {@link RequestMetricsValve} names them. */
  public void openIdConnectRequest(String endpoint, int status, Duration elapsed) {
    Timer.builder("authelia.request.duration.openid.connect")
        .description("The time a HTTP request takes to process for the OpenID Connect 1.0 endpoints.")
        .tags("endpoint", endpoint, "code", String.valueOf(status)).serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry).record(elapsed);
  }

  /** A password attempt, as regulation concluded it. */
  public void firstFactor(boolean success, boolean banned) {
    Counter.builder("authelia.authn").description("The number of 1FA authentications processed.")
        .tags("success", String.valueOf(success), "banned", String.valueOf(banned)).register(registry).increment();
  }

  /** A second-factor attempt ({@code type}: {@code totp}), as regulation concluded it. */
  public void secondFactor(boolean success, boolean banned, String type) {
    Counter.builder("authelia.authn.second.factor").description("The number of 2FA authentications processed.")
        .tags("success", String.valueOf(success), "banned", String.valueOf(banned), "type", type)
        .register(registry).increment();
  }

  /** A token response, by the grant it answered. */
  public void tokenIssued(String grantType) {
    Counter.builder("gatehouse.tokens.issued").description("The number of token responses, by grant type.")
        .tags("grant_type", grantType).register(registry).increment();
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
    }
    return durations;
  }
}
