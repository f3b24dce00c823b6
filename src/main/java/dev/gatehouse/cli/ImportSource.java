package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.List;
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
