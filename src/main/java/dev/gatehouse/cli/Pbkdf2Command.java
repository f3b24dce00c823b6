package dev.gatehouse.cli;

import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigestGenerator;
import dev.gatehouse.crypto.PasswordDigestGenerator.Pbkdf2Options;
import dev.gatehouse.crypto.Pbkdf2Variant;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crypto hash generate pbkdf2}: the digest Authelia's guides use for client secrets. */
@Command(name = "pbkdf2", description = "Make a $pbkdf2-sha512$… digest, e.g. for a client_secret.")
final class Pbkdf2Command extends DigestCommand {

  /** go-crypt's floor for digests it generates. */
  private static final int MINIMUM_ITERATIONS = 100_000;

  @Option(names = {"-v", "--variant"}, paramLabel = "<variant>",
      description = "sha1, sha224, sha256, sha384 or sha512 (default: sha512)")
  Pbkdf2Variant variant = Pbkdf2Variant.SHA512;

  @Option(names = {"-i", "--iterations"}, paramLabel = "<n>",
      description = "iterations (default: Authelia's for the variant, 310000 for sha512)")
  Integer iterations;

  @Option(names = {"-s", "--salt-size"}, paramLabel = "<bytes>", description = "salt size (default: ${DEFAULT-VALUE})")
  int saltSize = Pbkdf2Options.AUTHELIA_DEFAULT.saltLength();

  Pbkdf2Command(Terminal terminal) {
    super(terminal);
  }

  @Override
  Function<String, PasswordDigest> hashing(PasswordDigestGenerator generator) {
    int rounds = iterations != null ? iterations : Pbkdf2Options.autheliaDefault(variant).iterations();
    if (rounds < MINIMUM_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be at least " + MINIMUM_ITERATIONS + " but is " + rounds);
    }
    Pbkdf2Options options = new Pbkdf2Options(variant, rounds, saltSize);
    return password -> generator.pbkdf2(password, options);
  }
}
