package dev.gatehouse.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs {@code gatehouse <command>}. Exit status: 0 done (for {@code crypto hash validate}: the
 * password matches), 1 failed (or does not match), 2 the command line is wrong. Every problem is one
 * line on standard error; a usage problem ends with where to find the usage.
 */
public final class AdminCommands {

  private static final Set<String> HELP_FLAGS = Set.of("-h", "--help", "-V", "--version");
  private static final String PREFIX = "gatehouse: ";

  private AdminCommands() {
  }

  /** Whether {@code args} name a command (or ask for help) rather than start the server. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && (!args[0].startsWith("-") || HELP_FLAGS.contains(args[0]));
  }

  public static int run(String[] args, Terminal terminal) {
    CommandLine commandLine = new CommandLine(new GatehouseCommand(), new TerminalFactory(terminal))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(terminal.out())
        .setErr(terminal.err())
        .setParameterExceptionHandler((problem, arguments) ->
            usageError(problem.getCommandLine(), describe(problem)))
        .setExecutionExceptionHandler((problem, command, parseResult) -> failed(command, problem));
    int status = commandLine.execute(args);
    terminal.out().flush();
    terminal.err().flush();
    return status;
  }

  /**
   * An IllegalArgumentException comes from checking what the admin typed (a parameter out of range,
   * a malformed digest), so it is a usage error too.
   */
  private static int failed(CommandLine command, Exception problem) {
    if (problem instanceof IllegalArgumentException badArgument) {
      return usageError(command, badArgument.getMessage());
    }
    String message = problem instanceof CommandFailure ? problem.getMessage() : "unexpected error: " + problem;
    command.getErr().println(PREFIX + message);
    return CommandLine.ExitCode.SOFTWARE;
  }

  private static int usageError(CommandLine command, String message) {
    PrintWriter err = command.getErr();
    err.println(PREFIX + message + "; see '" + command.getCommandSpec().qualifiedName() + " --help'");
    return CommandLine.ExitCode.USAGE;
  }

  /**
   * Picocli's own message, except for arguments it did not expect: those are named only when they
   * are a flag or a command name, since a stray argument may be a password typed in the wrong place.
   */
  private static String describe(ParameterException problem) {
    if (!(problem instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return problem.getMessage();
    }
    String argument = unmatched.getUnmatched().get(0);
    String suggestion = unmatched.getSuggestions().isEmpty()
        ? "" : " (did you mean '" + unmatched.getSuggestions().get(0) + "'?)";
    if (argument.startsWith("-")) {
      int value = argument.indexOf('=');
      return "unknown flag '" + (value < 0 ? argument : argument.substring(0, value)) + "'" + suggestion;
    }
    if (!problem.getCommandLine().getSubcommands().isEmpty()) {
      return "unknown command '" + argument + "'" + suggestion;
    }
    return "unexpected argument (not repeated here, in case it is a password)";
  }

  /** Gives each command that asks for it (a constructor taking a {@link Terminal}) the terminal. */
  private record TerminalFactory(Terminal terminal) implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
      Constructor<K> withTerminal;
      try {
        withTerminal = type.getDeclaredConstructor(Terminal.class);
      } catch (NoSuchMethodException noTerminalNeeded) {
        return CommandLine.defaultFactory().create(type);
      }
      withTerminal.setAccessible(true);
      return withTerminal.newInstance(terminal);
    }
  }
}
