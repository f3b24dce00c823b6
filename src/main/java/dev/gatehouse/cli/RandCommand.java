package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crypto rand}: a random value for {@code hmac_secret}, {@code storage.encryption_key} and the like. */
@Command(name = "rand",
    description = "Print a random value, e.g. for hmac_secret, storage.encryption_key or a session secret.")
final class RandCommand implements Callable<Integer> {

  @Option(names = {"-n", "--length"}, paramLabel = "<n>", description = "characters (default: ${DEFAULT-VALUE})")
  int length = 72;

  @Option(names = {"-x", "--charset"}, paramLabel = "<charset>", converter = RandomCharset.Converter.class,
      completionCandidates = RandomCharset.Names.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); rfc3986 needs no URL encoding")
  RandomCharset charset = RandomCharset.ALPHANUMERIC;

  @Option(names = "--characters", paramLabel = "<characters>",
      description = "the exact characters to choose from, instead of a charset")
  String characters;

  private final Terminal terminal;

  RandCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    RandomValueLines.print(terminal.out(), "Value", RandomStrings.generate(length, charset, characters));
    return 0;
  }
}
