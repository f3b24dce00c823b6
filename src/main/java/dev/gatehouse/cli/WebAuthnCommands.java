package dev.gatehouse.cli;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.StorageAccess;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.storage.WebAuthnCredentialRow;
import dev.gatehouse.web.IssuerHosts;
import dev.gatehouse.webauthn.CredentialTransfer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storage user webauthn}: the users' security keys and passkeys, as Authelia's commands keep them. */
final class WebAuthnCommands {

  private static final String WHAT = "WebAuthn Credentials";

  private WebAuthnCommands() {
  }

  @Command(name = "export", description = "Export the security keys and passkeys to a YAML file in Authelia's format.")
  static final class Export extends StorageCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", defaultValue = "authelia.export.webauthn.yml",
        description = "the file to write (it must not exist; default: ${DEFAULT-VALUE})")
    Path file;

    Export(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      ExportTarget.export(out, file, WHAT, "YAML", new WebAuthnCredentialRepository(storage.jdbc()).all(),
          CredentialTransfer::export);
    }
  }

  @Command(name = "import", description = "Import security keys and passkeys from a YAML file in Authelia's"
      + " format: all of them, or none when one is wrong.")
  static final class Import extends StorageCommand {

    @Mixin
    ImportSource importSource = new ImportSource();

    Import(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      WebAuthnCredentialRepository credentials = new WebAuthnCredentialRepository(storage.jdbc());
      Set<String> rpIds = IssuerHosts.of(configuration.session()).configured().stream()
          .map(IssuerHosts.Origin::host).collect(Collectors.toCollection(TreeSet::new));
      CredentialTransfer.ImportPlan plan = importSource.plan(text -> CredentialTransfer.plan(text,
          IdentifiersCommands.knownUsers(configuration), rpIds, credentials.all(), Clock.systemUTC().instant()));
      importSource.apply(storage, plan.problems(), plan.credentials().size(),
          () -> plan.credentials().forEach(credentials::add), WHAT, out);
    }
  }

  @Command(name = "list", description = "List the security keys and passkeys, of one user or of all.")
  static final class ListCredentials extends StorageCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<username>")
    String username;

    ListCredentials(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      List<WebAuthnCredentialRow> rows = new WebAuthnCredentialRepository(storage.jdbc()).all().stream()
          .filter(row -> username == null || row.username().equals(username)).toList();
      if (username != null && rows.isEmpty()) {
        throw new CommandFailure("user '" + username + "' has no WebAuthn credentials");
      }
      out.printf(username == null ? "WebAuthn Credentials:%n%n" : "WebAuthn Credentials for user '%s':%n%n", username);
      out.println(username == null ? "RPID\tKID\tDescription\tUsername" : "RPID\tKID\tDescription");
      rows.forEach(row -> out.println(row.rpId() + "\t" + CredentialTransfer.kid(row) + "\t" + row.description()
          + (username == null ? "\t" + row.username() : "")));
    }
  }

  @Command(name = "delete", description = "Remove security keys or passkeys: all of a user's, one by its"
      + " description, or one by its key id.")
  static final class Delete extends StorageCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<username>")
    String username;

    @ArgGroup(multiplicity = "1")
    Which which;

    Delete(Terminal terminal) {
      super(terminal);
    }

    static final class Which {

      @Option(names = "--all", description = "delete all of the user's WebAuthn credentials")
      boolean all;

      @Option(names = "--description", paramLabel = "<description>",
          description = "delete a user's WebAuthn credential by description")
      String description;

      @Option(names = "--kid", paramLabel = "<kid>", description = "delete a WebAuthn credential by key id")
      String kid;
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      WebAuthnCredentialRepository credentials = new WebAuthnCredentialRepository(storage.jdbc());
      if (which.kid != null) {
        if (credentials.removeById(CredentialTransfer.credentialIdOf(which.kid)) == 0) {
          throw new CommandFailure("failed to delete WebAuthn credential with kid '" + which.kid + "': none has it");
        }
        out.printf("Successfully deleted WebAuthn credential with key id '%s'%n", which.kid);
        return;
      }
      if (username == null) {
        throw new IllegalArgumentException("a username is needed with --all or --description");
      }
      if (credentials.removeAll(username, which.description) == 0) {
        throw new CommandFailure(which.all
            ? "failed to delete all WebAuthn credentials with username '" + username + "': the user has none"
            : "failed to delete WebAuthn credential with username '" + username + "' and description '"
                + which.description + "': the user has none of that description");
      }
      out.println(which.all ? "Successfully deleted all WebAuthn credentials for user '" + username + "'"
          : "Successfully deleted WebAuthn credential with description '" + which.description + "' for user '"
              + username + "'");
    }
  }
}
