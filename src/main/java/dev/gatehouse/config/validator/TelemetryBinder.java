package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.TelemetryConfig;

/** {@code telemetry.metrics}: {@code enabled} and {@code address}, as Authelia has them. */
final class TelemetryBinder {

  private static final int DEFAULT_PORT = 9959;
  private static final String DEFAULT_PATH = "/metrics";

  private TelemetryBinder() {
  }

  static TelemetryConfig bind(ConfigNode telemetry) {
    ConfigNode metrics = telemetry.child("metrics");
    boolean enabled = metrics.child("enabled").bool(false);
    ConfigNode addressNode = metrics.child("address");
    String text = addressNode.string();
    if (text == null) {
      return new TelemetryConfig(enabled, "", DEFAULT_PORT, DEFAULT_PATH);
    }
    Address address = Address.tcp(text, addressNode);
    if (address == null) {
      return new TelemetryConfig(enabled, "", DEFAULT_PORT, DEFAULT_PATH);
    }
    String path = address.path().replaceAll("/+$", "");
    return new TelemetryConfig(enabled, address.listenHost(), address.port() == null ? DEFAULT_PORT : address.port(),
        path.isEmpty() ? DEFAULT_PATH : path);
  }
}
