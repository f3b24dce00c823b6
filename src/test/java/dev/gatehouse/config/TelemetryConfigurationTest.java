package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.TelemetryConfig;
import org.junit.jupiter.api.Test;

/** {@code telemetry.metrics}: off by default, Authelia's address by default, a TCP address only. */
class TelemetryConfigurationTest {

  @Test
  void offByDefaultAtAutheliasAddress() {
    assertThat(load(MINIMAL).configuration().telemetry()).isEqualTo(new TelemetryConfig(false, "", 9959, "/metrics"));
  }

  @Test
  void anAddressGivesHostPortAndPath() {
    LoadResult result = load(MINIMAL + """
        telemetry:
          metrics:
            enabled: true
            address: 'tcp4://:9000/prometheus/'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().telemetry()).isEqualTo(new TelemetryConfig(true, "0.0.0.0", 9000, "/prometheus"));
  }

  @Test
  void anAddressThatIsNotTcpIsAnError() {
    LoadResult result = load(MINIMAL + """
        telemetry:
          metrics:
            address: 'udp://:9959'
        """);

    assertThat(result.errors()).containsExactly("telemetry.metrics.address: 'udp://:9959' has the scheme 'udp' but it"
        + " must be 'tcp', 'tcp4', or 'tcp6'");
  }
}
