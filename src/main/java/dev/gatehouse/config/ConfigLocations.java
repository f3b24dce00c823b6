package dev.gatehouse.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which configuration files to read, as Authelia decides it: {@code --config <path>},
 * {@code --config=<path>} or {@code -c <path>}, repeatable, each value possibly a comma separated
 * list; without a flag the environment's {@code GATEHOUSE_CONFIG} (or Authelia's
 * {@code X_AUTHELIA_CONFIG}), likewise comma separated; otherwise
 * {@code config/configuration.yml}. A path may also be a directory of {@code .yml} files.
 */
public final class ConfigLocations {

  public static final Path DEFAULT = Path.of("config", "configuration.yml");
  private static final List<String> ENVIRONMENT_VARIABLES = List.of("GATEHOUSE_CONFIG",
      "X_AUTHELIA_CONFIG");
  private static final String USAGE = "usage: gatehouse [--config <file>]...";

  private ConfigLocations() {
  }

  public static List<Path> resolve(String[] args, Map<String, String> environment) {
    List<Path> fromFlags = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value;
      if (arg.equals("--config") || arg.equals("-c")) {
        if (i + 1 >= args.length) {
          throw new ConfigLocationException("flag needs an argument: '" + arg + "'; " + USAGE);
        }
        value = args[++i];
      } else if (arg.startsWith("--config=") || arg.startsWith("-c=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (arg.startsWith("-")) {
        throw new ConfigLocationException("unknown flag '" + arg + "'; " + USAGE);
      } else {
        throw new ConfigLocationException("unexpected argument '" + arg + "'; " + USAGE);
      }
      List<Path> paths = split(value);
      if (paths.isEmpty()) {
        throw new ConfigLocationException("flag needs an argument: '" + arg + "'; " + USAGE);
      }
      fromFlags.addAll(paths);
    }
    if (!fromFlags.isEmpty()) {
      return List.copyOf(fromFlags);
    }
    for (String variable : ENVIRONMENT_VARIABLES) {
      List<Path> fromEnvironment = split(environment.getOrDefault(variable, ""));
      if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
      }
    }
    return List.of(DEFAULT);
  }

  private static List<Path> split(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(part -> !part.isEmpty())
        .map(Path::of)
        .toList();
  }
}
