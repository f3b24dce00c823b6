package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigLocationException;
import dev.gatehouse.config.ConfigLocations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config}: the configuration files a command reads, the same the server would. */
final class ConfigFiles {

  @Option(names = {"-c", "--config"}, paramLabel = "<file>",
      description = "configuration file or directory, repeatable or comma separated"
          + " (default: $GATEHOUSE_CONFIG, else config/configuration.yml)")
  List<String> configs = new ArrayList<>();

  /** The flags, else the environment, else the default. */
  List<Path> resolve(Map<String, String> environment) {
    List<String> flags = new ArrayList<>();
    configs.forEach(config -> flags.addAll(List.of("--config", config)));
    try {
      return ConfigLocations.resolve(flags.toArray(String[]::new), environment);
    } catch (ConfigLocationException e) {
      throw new IllegalArgumentException("--config needs a file name", e);
    }
  }
}
