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
      + " when it is the embedded one).", subcommands = {StorageUser.class, StorageBans.class, StorageMigrate.class,
          SchemaCommands.Info.class, StorageEncryption.class})
  static final class Storage extends Group {
  }

  @Command(name = "migrate", description = "Look at and apply the schema's migrations.",
      subcommands = {SchemaCommands.History.class, SchemaCommands.ListUp.class, SchemaCommands.ListDown.class,
          SchemaCommands.Up.class, SchemaCommands.Down.class})
  static final class StorageMigrate extends Group {
  }

  @Command(name = "encryption", description = "Check or change storage.encryption_key.",
      subcommands = {SchemaCommands.EncryptionCheck.class, SchemaCommands.EncryptionChangeKey.class})
  static final class StorageEncryption extends Group {
  }

  @Command(name = "bans", description = "List, add and lift the bans of users and IPs.",
      subcommands = {BansUser.class, BansIp.class})
  static final class StorageBans extends Group {
  }

  @Command(name = "user", description = "Bans of usernames.",
      subcommands = {BansCommands.ListBans.class, BansCommands.Add.class, BansCommands.Revoke.class})
  static final class BansUser extends Group {
  }

  @Command(name = "ip", description = "Bans of client addresses.",
      subcommands = {BansCommands.ListBans.class, BansCommands.Add.class, BansCommands.Revoke.class})
  static final class BansIp extends Group {
  }

  @Command(name = "user", description = "Manage the users' stored identifiers and second factors.",
      subcommands = {StorageIdentifiers.class, StorageTotp.class, StorageWebAuthn.class})
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

  @Command(name = "webauthn", description = "Manage the users' security keys and passkeys.",
      subcommands = {WebAuthnCommands.ListCredentials.class, WebAuthnCommands.Delete.class,
          WebAuthnCommands.Export.class, WebAuthnCommands.Import.class})
  static final class StorageWebAuthn extends Group {
  }
}
