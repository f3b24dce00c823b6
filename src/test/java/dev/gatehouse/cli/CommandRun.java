package dev.gatehouse.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One admin command run in-process, with piped standard input and no console, as a script runs it. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    return withInput("", Map.of(), args);
  }

  static CommandRun withInput(String stdin, Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err), null, environment);
    int exitCode = AdminCommands.run(args, terminal);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** The value after {@code label: } on the line that starts with it. */
  String valueOf(String label) {
    return outLines().stream().filter(line -> line.startsWith(label + ": ")).findFirst()
        .map(line -> line.substring(label.length() + 2))
        .orElseThrow(() -> new AssertionError("no '" + label + ": ' line in:\n" + out + err));
  }
}
