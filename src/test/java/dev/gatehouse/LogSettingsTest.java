package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.Fixtures;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.telemetry.JsonLogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code log} section as Spring Boot's logging properties: format, file and keep_stdout as in Authelia. */
class LogSettingsTest {

  @Test
  void aFileAloneTakesTheLogOffTheConsoleUnlessKeepStdoutSaysOtherwise() {
    assertThat(properties("log:\n  file_path: '/var/log/gatehouse.log'\n"))
        .containsEntry("logging.file.name", "/var/log/gatehouse.log")
        .containsEntry("logging.threshold.console", "OFF");
    assertThat(properties("log:\n  file_path: '/var/log/gatehouse.log'\n  keep_stdout: true\n"))
        .containsEntry("logging.file.name", "/var/log/gatehouse.log")
        .doesNotContainKey("logging.threshold.console");
    assertThat(properties("")).doesNotContainKeys("logging.file.name", "logging.threshold.console",
        "logging.structured.format.console");
  }

  @Test
  void jsonFormatWritesEveryLineWithGatehousesJsonLayout() {
    assertThat(properties("log:\n  format: 'json'\n"))
        .containsEntry("logging.structured.format.console", JsonLogFormat.class.getName())
        .containsEntry("logging.structured.format.file", JsonLogFormat.class.getName());
  }

  private static Map<String, Object> properties(String logSection) {
    LoadResult result = Fixtures.load(Fixtures.MINIMAL + logSection);
    assertThat(result.errors()).isEmpty();
    return GatehouseSettings.springProperties(result.configuration());
  }
}
