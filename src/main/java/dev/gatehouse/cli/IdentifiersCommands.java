package dev.gatehouse.cli;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.crypto.TrustedCertificates;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.IdentifierTransfer;
import dev.gatehouse.identity.UsersFile;
import dev.gatehouse.identity.UsersFileResult;
import dev.gatehouse.ldap.LdapDirectory;
import dev.gatehouse.storage.OpaqueIdentifierRepository;
import dev.gatehouse.storage.OpaqueIdentifierRow;
import dev.gatehouse.storage.StorageAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storage user identifiers}: the {@code sub} each user is given, as Authelia's commands keep them. */
final class IdentifiersCommands {

  static final String WHAT = "User Opaque Identifiers";

  private IdentifiersCommands() {
  }

  @Command(name = "export", description = "Export the users' subject identifiers to a YAML file in Authelia's format.")
  static final class Export extends StorageCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", defaultValue = "authelia.export.opaque-identifiers.yml",
        description = "the file to write (it must not exist; default: ${DEFAULT-VALUE})")
    Path file;

    Export(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      ExportTarget.export(out, file, WHAT, "YAML", new OpaqueIdentifierRepository(storage.jdbc()).all(),
          IdentifierTransfer::export);
    }
  }

  @Command(name = "import", description = "Import subject identifiers from a YAML file in Authelia's format:"
      + " all of them, or none when one is wrong or taken.")
  static final class Import extends StorageCommand {

    @Mixin
    ImportSource importSource = new ImportSource();

    Import(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      OpaqueIdentifierRepository repository = new OpaqueIdentifierRepository(storage.jdbc());
      IdentifierTransfer.ImportPlan plan = importSource.plan(text -> IdentifierTransfer.plan(text,
          knownUsers(configuration), repository.all()));
      importSource.apply(storage, plan.problems(), plan.toAdd().size(), () -> plan.toAdd().forEach(row ->
          repository.insert(row.identifier(), row.service(), row.sectorId(), row.username())), WHAT, out);
      if (!plan.alreadyPresent().isEmpty()) {
        out.printf("%d were already there and left as they are%n", plan.alreadyPresent().size());
      }
    }
  }

  @Command(name = "add", description = "Add a subject identifier for a user, random unless given.")
  static final class Add extends StorageCommand {

    @Parameters(index = "0", paramLabel = "<username>")
    String username;

    @Option(names = "--identifier", paramLabel = "<uuid>",
        description = "the version 4 UUID to use; if not set a random one will be used")
    String identifier;

    @Option(names = "--service", defaultValue = IdentifierTransfer.SERVICE, paramLabel = "<service>",
        description = "the service to add the identifier for, valid values are: openid")
    String service;

    @Option(names = "--sector", defaultValue = "", paramLabel = "<sector>",
        description = "the sector identifier to use (should usually be blank)")
    String sector;

    Add(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      if (!IdentifierTransfer.SERVICE.equals(service)) {
        throw new IllegalArgumentException("the service name '" + service + "' is invalid, the valid values are: '"
            + IdentifierTransfer.SERVICE + "'");
      }
      if (identifier != null && !IdentifierTransfer.isVersion4Uuid(identifier)) {
        throw new IllegalArgumentException("the identifier provided '" + identifier + "' is invalid as it must be"
            + " a version 4 UUID");
      }
      String chosen = identifier == null ? UUID.randomUUID().toString() : identifier.toLowerCase();
      OpaqueIdentifierRepository repository = new OpaqueIdentifierRepository(storage.jdbc());
      OpaqueIdentifierRow row = new OpaqueIdentifierRow(chosen, service, sector, username);
      IdentifierTransfer.ImportPlan plan = IdentifierTransfer.planAdding(row, knownUsers(configuration),
          repository.all());
      ImportSource.refuse(plan.problems(), null);
      repository.insert(chosen, service, sector, username);
      out.printf("Added User Opaque Identifier:%n\tService: %s%n\tSector: %s%n\tUsername: %s%n\tIdentifier: %s%n%n",
          service, sector, username, chosen);
    }
  }

  /**
   * Whether Gatehouse knows a user, so that data is only imported for users who can sign in: one of the
   * users file, or one the directory finds (asked once per user, over a connection of its own).
   */
  static Predicate<String> knownUsers(Configuration configuration) {
    var backend = configuration.authenticationBackend();
    if (backend.ldap() != null) {
      X509TrustManager trust = TrustedCertificates.withDirectoryIfAny(configuration.certificatesDirectory());
      return username -> {
        try (LdapDirectory directory = new LdapDirectory(backend.ldap(), Clock.systemUTC(), trust)) {
          return directory.find(username).isPresent();
        } catch (DirectoryUnavailableException e) {
          throw new CommandFailure("the LDAP directory " + backend.ldap().address() + " does not answer: "
              + e.getMessage());
        }
      };
    }
    UsersFileResult users = UsersFile.load(backend.usersFile(), backend.extraAttributes());
    if (!users.isValid()) {
      throw new CommandFailure("the users file has errors (see 'gatehouse config validate'): "
          + String.join("; ", users.problems()));
    }
    return users.users().keySet()::contains;
  }
}
