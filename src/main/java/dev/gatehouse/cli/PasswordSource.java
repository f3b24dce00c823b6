package dev.gatehouse.cli;

import picocli.CommandLine.Option;

/**
 * Authelia's flags for the password to hash: given with {@code --password}, generated with
 * {@code --random} (and then printed, the one secret this command line ever prints), or typed.
 */
final class PasswordSource {

  @Option(names = "--password", paramLabel = "<password>",
      description = "the password to hash, instead of typing it (it stays in the shell history)")
  String password;

  @Option(names = "--random", description = "generate a random password, print it and hash it")
  boolean random;

  @Option(names = "--random.length", paramLabel = "<n>",
      description = "characters in the random password (default: ${DEFAULT-VALUE})")
  int randomLength = 72;

  @Option(names = "--random.charset", paramLabel = "<charset>", converter = RandomCharset.Converter.class,
      completionCandidates = RandomCharset.Names.class,
      description = "characters of the random password: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
          + " rfc3986 needs no URL encoding")
  RandomCharset randomCharset = RandomCharset.ALPHANUMERIC;

  @Option(names = "--random.characters", paramLabel = "<characters>",
      description = "the exact characters of the random password, instead of a charset")
  String randomCharacters;

  @Option(names = "--no-confirm", description = "ask for the typed password once, not twice")
  boolean noConfirm;

  /** The password, and whether it was generated here. */
  record Password(String value, boolean generated) {
  }

  /** Checks the flags before anything is typed or generated. */
  void check() {
    if (random && password != null) {
      throw new IllegalArgumentException("--password and --random cannot be used together");
    }
    if (password != null && password.isEmpty()) {
      throw new IllegalArgumentException("--password must not be empty");
    }
  }

  Password obtain(Terminal terminal) {
    if (random) {
      return new Password(RandomStrings.generate(randomLength, randomCharset, randomCharacters), true);
    }
    return new Password(password != null ? password : PasswordInput.read(terminal, !noConfirm), false);
  }
}
