package dev.gatehouse.cli;

import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigestGenerator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * {@code crypto hash generate <algorithm>}: prints {@code Digest: …}, preceded by the password when
 * it was generated. The algorithm's flags are checked before a password is asked for.
 */
abstract class DigestCommand implements Callable<Integer> {

  @Mixin
  PasswordSource passwordSource;

  private final Terminal terminal;

  DigestCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * How to hash, from the algorithm's flags.
   *
   * @throws IllegalArgumentException when the flags ask for impossible or too weak parameters
   */
  abstract Function<String, PasswordDigest> hashing(PasswordDigestGenerator generator);

  @Override
  public Integer call() {
    Function<String, PasswordDigest> hashing = hashing(new PasswordDigestGenerator());
    passwordSource.check();
    PasswordSource.Password password = passwordSource.obtain(terminal);
    PasswordDigest digest = hashing.apply(password.value());
    PrintWriter out = terminal.out();
    if (password.generated()) {
      RandomValueLines.print(out, "Password", password.value());
    }
    out.println("Digest: " + digest.encoded());
    return 0;
  }
}
