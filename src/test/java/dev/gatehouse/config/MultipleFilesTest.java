package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files merge in order, as in Authelia: maps key by key, the last value wins. */
class MultipleFilesTest {

  @Test
  void laterFileWinsForTheSameKeyAndMapsMerge() {
    LoadResult result = load(MINIMAL + "log:\n  level: info\n  format: json\n",
        "log:\n  level: debug\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().log().level()).isEqualTo("debug");
    assertThat(result.configuration().log().format()).isEqualTo("json");
  }

  @Test
  void listsAreReplacedWholeNotAppended() {
    LoadResult result = load(MINIMAL + "regulation:\n  modes: ['user', 'ip']\n",
        "regulation:\n  modes: ['ip']\n");

    assertThat(result.configuration().regulation().modes()).containsExactly("ip");
  }

  @Test
  void aDirectoryReadsItsYamlFilesInNameOrder(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("10-base.yml"), MINIMAL + "totp:\n  issuer: 'base'\n");
    Files.writeString(directory.resolve("20-override.yaml"), "totp:\n  issuer: 'override'\n");
    Files.writeString(directory.resolve("notes.txt"), "not configuration");

    LoadResult result = ConfigurationLoader.load(List.of(directory), Map.of());

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().totp().issuer()).isEqualTo("override");
  }

  @Test
  void everyMissingFileIsReported() {
    LoadResult result = ConfigurationLoader.load(List.of(Path.of("a.yml"), Path.of("b.yml")), Map.of());

    assertThat(result.errors()).containsExactly("a.yml: configuration file does not exist",
        "b.yml: configuration file does not exist");
  }
}
