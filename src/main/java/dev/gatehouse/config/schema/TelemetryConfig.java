package dev.gatehouse.config.schema;

/**
 * {@code telemetry.metrics}: Prometheus metrics on a port of their own, off unless enabled.
 * Authelia's default address is {@code tcp://:9959/metrics}.
 *
 * @param host empty for every interface
 */
public record TelemetryConfig(boolean enabled, String host, int port, String path) {
}
