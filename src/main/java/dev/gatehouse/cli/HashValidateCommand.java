package dev.gatehouse.cli;

import dev.gatehouse.crypto.MalformedDigestException;
import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crypto hash validate -- <digest>}: does the password match? Exit status 0 if so, 1 if not. */
@Command(name = "validate",
    description = "Check a password against a digest; exit status 0 when it matches, 1 when not.",
    customSynopsis = "gatehouse crypto hash validate [--password <password>] -- <digest>")
final class HashValidateCommand implements Callable<Integer> {

  @Option(names = "--password", paramLabel = "<password>",
      description = "the password to check, instead of typing it (it stays in the shell history)")
  String password;

  @Parameters(index = "0", paramLabel = "<digest>",
      description = "the digest, e.g. '$pbkdf2-sha512$…'; quote it, and put -- before it")
  String digest;

  private final Terminal terminal;

  HashValidateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PasswordDigest parsed;
    try {
      parsed = PasswordDigests.parse(digest);
    } catch (MalformedDigestException e) {
      throw new IllegalArgumentException("the digest is malformed: " + e.getMessage(), e);
    }
    String candidate = password != null ? password : PasswordInput.read(terminal, false);
    boolean matches = parsed.matches(candidate);
    terminal.out().println(matches ? "The password matches the digest." : "The password does not match the digest.");
    return matches ? 0 : 1;
  }
}
