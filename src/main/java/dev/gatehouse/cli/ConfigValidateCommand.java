package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.identity.UsersFile;
import dev.gatehouse.identity.UsersFileResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code config validate}: the checks Gatehouse makes before it starts, on the same files and
 * environment, without starting: the configuration, then the users file it names. Prints Authelia's
 * verdict lines; exit status 1 when there is an error, 0 with warnings only.
 */
@Command(name = "validate",
    description = "Check the configuration (and its users file) as Gatehouse does at start-up.")
final class ConfigValidateCommand implements Callable<Integer> {

  @Mixin
  ConfigFiles configFiles = new ConfigFiles();

  private final Terminal terminal;

  ConfigValidateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    LoadResult result = ConfigurationLoader.load(configFiles.resolve(terminal.environment()), terminal.environment());
    List<String> errors = new ArrayList<>(result.errors());
    List<String> warnings = new ArrayList<>(result.warnings());
    // A directory is not asked: validating a configuration must work where the directory is out of reach.
    if (!result.hasErrors() && result.configuration().authenticationBackend().ldap() == null) {
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

  private static void print(PrintWriter out, String kind, List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    out.println("Configuration parsed and loaded with " + kind + ":");
    problems.forEach(problem -> out.println("\t - " + problem));
  }
}
