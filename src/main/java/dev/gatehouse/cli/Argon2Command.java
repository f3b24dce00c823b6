package dev.gatehouse.cli;

import dev.gatehouse.crypto.Argon2Variant;
import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigestGenerator;
import dev.gatehouse.crypto.PasswordDigestGenerator.Argon2Options;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crypto hash generate argon2}: Authelia's default digest for users.yml passwords. */
@Command(name = "argon2", description = "Make an $argon2id$… digest, e.g. for a password in users.yml.")
final class Argon2Command extends DigestCommand {

  private static final Argon2Options DEFAULT = Argon2Options.AUTHELIA_DEFAULT;

  @Option(names = {"-v", "--variant"}, paramLabel = "<variant>",
      description = "argon2id, argon2i or argon2d (default: argon2id)")
  Argon2Variant variant = DEFAULT.variant();

  @Option(names = {"-i", "--iterations"}, paramLabel = "<n>", description = "iterations (default: ${DEFAULT-VALUE})")
  int iterations = DEFAULT.iterations();

  @Option(names = {"-m", "--memory"}, paramLabel = "<KiB>",
      description = "memory in kibibytes (default: ${DEFAULT-VALUE})")
  int memory = DEFAULT.memoryKiB();

  @Option(names = {"-p", "--parallelism"}, paramLabel = "<n>", description = "lanes (default: ${DEFAULT-VALUE})")
  int parallelism = DEFAULT.parallelism();

  @Option(names = {"-k", "--key-size"}, paramLabel = "<bytes>", description = "key size (default: ${DEFAULT-VALUE})")
  int keySize = DEFAULT.keyLength();

  @Option(names = {"-s", "--salt-size"}, paramLabel = "<bytes>", description = "salt size (default: ${DEFAULT-VALUE})")
  int saltSize = DEFAULT.saltLength();

  Argon2Command(Terminal terminal) {
    super(terminal);
  }

  @Override
  Function<String, PasswordDigest> hashing(PasswordDigestGenerator generator) {
    Argon2Options options = new Argon2Options(variant, iterations, memory, parallelism, keySize, saltSize);
    return password -> generator.argon2(password, options);
  }
}
