package dev.gatehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The commands that only group others, named as in Authelia's command line. */
final class CommandGroups {

  private CommandGroups() {
  }

  /** Given without one of its commands, a group answers with a usage error naming them. */
  abstract static class Group implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "'" + spec.qualifiedName() + "' needs a command: "
          + String.join(", ", spec.subcommands().keySet()));
    }
  }

  @Command(name = "crypto", description = "Generate and check secrets, digests and keys.",
      subcommands = {Hash.class, RandCommand.class, Pair.class})
  static final class Crypto extends Group {
  }

  @Command(name = "hash", description = "Make password and client secret digests, or check one.",
      subcommands = {HashGenerate.class, HashValidateCommand.class})
  static final class Hash extends Group {
  }

  @Command(name = "generate",
      description = "Make a digest for a client_secret (pbkdf2) or a users.yml password (argon2).",
      subcommands = {Pbkdf2Command.class, Argon2Command.class})
  static final class HashGenerate extends Group {
  }

  @Command(name = "pair", description = "Generate key pairs.", subcommands = PairRsa.class)
  static final class Pair extends Group {
  }

  @Command(name = "rsa", description = "Generate RSA key pairs.", subcommands = RsaGenerateCommand.class)
  static final class PairRsa extends Group {
  }

  @Command(name = "config",
      description = "Work with configuration.yml.", subcommands = ConfigValidateCommand.class)
  static final class Config extends Group {
  }

  @Command(name = "storage", description = "Manage the database the configuration names (stop the server first"
      + " when it is the embedded one).", subcommands = StorageUser.class)
  static final class Storage extends Group {
  }

  @Command(name = "user", description = "Manage the users' stored identifiers and second factors.",
      subcommands = {StorageIdentifiers.class, StorageTotp.class})
  static final class StorageUser extends Group {
  }

  @Command(name = "identifiers", description = "Manage the users' subject identifiers (the sub claim).",
      subcommands = {IdentifiersCommands.Export.class, IdentifiersCommands.Import.class, IdentifiersCommands.Add.class})
  static final class StorageIdentifiers extends Group {
  }

  @Command(name = "totp", description = "Manage the users' TOTP devices.",
      subcommands = {TotpCommands.Generate.class, TotpCommands.Delete.class, TotpCommands.Export.class,
          TotpCommands.Import.class})
  static final class StorageTotp extends Group {
  }
}
