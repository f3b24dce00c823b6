package dev.gatehouse.cli;

import dev.gatehouse.storage.StorageAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file an import reads (Authelia's positional {@code <filename>}, or {@code --file}), and its refusal. */
final class ImportSource {

  @Parameters(index = "0", arity = "0..1", paramLabel = "<filename>", description = "the file to read")
  Path filename;

  @Option(names = {"-f", "--file"}, paramLabel = "<file>", description = "the file to read, instead of <filename>")
  Path file;

  Path path() {
    if (filename != null && file != null && !filename.equals(file)) {
      throw new IllegalArgumentException("give the file once: as <filename> or as --file");
    }
    if (filename == null && file == null) {
      throw new IllegalArgumentException("missing the file to import (<filename> or --file)");
    }
    return filename != null ? filename : file;
  }

  /** The plan {@code planner} makes of the file's text; an unreadable file is the command's failure. */
  <P> P plan(Function<String, P> planner) {
    Path source = path();
    try {
      return planner.apply(ExportTarget.read(source));
    } catch (IllegalArgumentException unreadable) {
      throw new CommandFailure("'" + source + "': " + unreadable.getMessage());
    }
  }

  /** Writes the planned rows in one transaction, when there is no problem, and says how many. */
  void apply(StorageAccess storage, List<String> problems, int count, Runnable write, String what,
      PrintWriter out) {
    refuse(problems, path());
    storage.transactions().executeWithoutResult(status -> write.run());
    out.printf("Successfully imported %d %s from the YAML file '%s' into the database%n", count, what, path());
  }

  /** Nothing is written when anything is wrong: every problem is named, then the command fails. */
  static void refuse(List<String> problems, Path source) {
    if (problems.isEmpty()) {
      return;
    }
    String summary = (source == null ? "nothing was changed" : "nothing was imported from '" + source + "'")
        + ", for " + (problems.size() == 1 ? "this problem:" : "these " + problems.size() + " problems:");
    throw new CommandFailure(summary + problems.stream().map(problem -> System.lineSeparator() + "  " + problem)
        .reduce("", String::concat));
  }
}
