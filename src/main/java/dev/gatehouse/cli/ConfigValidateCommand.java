package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigLocationException;
import dev.gatehouse.config.ConfigLocations;
import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.identity.UsersFile;
import dev.gatehouse.identity.UsersFileResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code config validate}: the checks Gatehouse makes before it starts, on the same files and
 * environment, without starting: the configuration, then the users file it names. Prints Authelia's
 * verdict lines; exit status 1 when there is an error, 0 with warnings only.
 */
@Command(name = "validate",
    description = "Check the configuration (and its users file) as Gatehouse does at start-up.")
final class ConfigValidateCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, paramLabel = "<file>",
      description = "configuration file or directory, repeatable or comma separated"
          + " (default: $GATEHOUSE_CONFIG, else config/configuration.yml)")
  List<String> configs = new ArrayList<>();

  private final Terminal terminal;

  ConfigValidateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    LoadResult result = ConfigurationLoader.load(files(), terminal.environment());
    List<String> errors = new ArrayList<>(result.errors());
    List<String> warnings = new ArrayList<>(result.warnings());
    if (!result.hasErrors()) {
      var backend = result.configuration().authenticationBackend();
      UsersFileResult users = UsersFile.load(backend.usersFile(), backend.extraAttributes());
      errors.addAll(users.problems());
      warnings.addAll(users.warnings());
    }
    PrintWriter out = terminal.out();
    if (errors.isEmpty() && warnings.isEmpty()) {
      out.println("Configuration parsed and loaded successfully without errors.");
    }
    print(out, "errors", errors);
    print(out, "warnings", warnings);
    return errors.isEmpty() ? 0 : 1;
  }

  /** The same files the server would read: the flags, else the environment, else the default. */
  private List<Path> files() {
    List<String> flags = new ArrayList<>();
    configs.forEach(config -> flags.addAll(List.of("--config", config)));
    try {
      return ConfigLocations.resolve(flags.toArray(String[]::new), terminal.environment());
    } catch (ConfigLocationException e) {
      throw new IllegalArgumentException("--config needs a file name", e);
    }
  }

  private static void print(PrintWriter out, String kind, List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    out.println("Configuration parsed and loaded with " + kind + ":");
    problems.forEach(problem -> out.println("\t - " + problem));
  }
}
