package dev.gatehouse.cli;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.StorageAccess;
import dev.gatehouse.storage.TotpConfigurationRepository;
import dev.gatehouse.storage.TotpHistoryStore;
import dev.gatehouse.totp.QrCodes;
import dev.gatehouse.totp.TotpAlgorithm;
import dev.gatehouse.totp.TotpDevice;
import dev.gatehouse.totp.TotpDevices;
import dev.gatehouse.totp.TotpParameters;
import dev.gatehouse.totp.TotpSecrets;
import dev.gatehouse.totp.TotpTransfer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storage user totp}: the users' TOTP devices, exported, imported, made and removed as in Authelia. */
final class TotpCommands {

  private static final String WHAT = "TOTP configurations";

  private TotpCommands() {
  }

  static TotpDevices devices(StorageAccess storage) {
    return new TotpDevices(new TotpConfigurationRepository(storage.jdbc(), storage.engine()), storage.encryption(),
        Clock.systemUTC());
  }

  static List<TotpDevice> exportable(StorageAccess storage) {
    List<TotpDevice> devices = devices(storage).all();
    if (devices.isEmpty()) {
      throw new CommandFailure("no data to export");
    }
    return devices;
  }

  @Command(name = "export", description = "Export the TOTP devices to a YAML file in Authelia's format.",
      subcommands = {ExportCsv.class, ExportUri.class, ExportPng.class})
  static final class Export extends StorageCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", defaultValue = "authelia.export.totp.yml",
        description = "the file to write (it must not exist; default: ${DEFAULT-VALUE})")
    Path file;

    Export(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      ExportTarget.export(out, file, WHAT, "YAML", devices(storage).all(), TotpTransfer::exportYaml);
    }
  }

  @Command(name = "csv", description = "Export the TOTP devices to a CSV file (secrets as Base32 text).")
  static final class ExportCsv extends StorageCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", defaultValue = "authelia.export.totp.csv",
        description = "the file to write (it must not exist; default: ${DEFAULT-VALUE})")
    Path file;

    ExportCsv(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      ExportTarget.export(out, file, WHAT, "CSV", devices(storage).all(), TotpTransfer::exportCsv);
    }
  }

  @Command(name = "uri", description = "Print each TOTP device as an otpauth:// URI.")
  static final class ExportUri extends StorageCommand {

    ExportUri(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      List<TotpDevice> devices = exportable(storage);
      devices.forEach(device -> out.println(TotpTransfer.uri(device)));
      out.printf("%n%nSuccessfully exported %d TOTP configurations as TOTP URI's and printed them to the console%n",
          devices.size());
    }
  }

  @Command(name = "png", description = "Write each TOTP device as a QR code, <username>.png, into a new directory.")
  static final class ExportPng extends StorageCommand {

    @Option(names = "--directory", paramLabel = "<directory>", required = true,
        description = "the directory to create for the images (it must not exist)")
    Path directory;

    ExportPng(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      if (Files.exists(directory)) {
        throw new CommandFailure("output directory must not exist");
      }
      List<TotpDevice> devices = exportable(storage);
      try {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      } catch (IOException e) {
        throw new CommandFailure("cannot create the directory '" + directory + "': " + e.getMessage());
      }
      devices.forEach(device -> ExportTarget.write(directory.resolve(device.username() + ".png"),
          QrCodes.png(TotpTransfer.uri(device))));
      out.printf("Successfully exported %d TOTP configuration as QR codes in PNG format to the '%s' directory%n",
          devices.size(), directory);
    }
  }

  @Command(name = "import", description = "Import TOTP devices from a YAML file in Authelia's format:"
      + " all of them, or none when one is wrong.")
  static final class Import extends StorageCommand {

    @Mixin
    ImportSource importSource = new ImportSource();

    Import(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      TotpDevices devices = devices(storage);
      Set<String> holders = new HashSet<>();
      devices.all().forEach(device -> holders.add(device.username()));
      TotpTransfer.ImportPlan plan = importSource.plan(text -> TotpTransfer.plan(text,
          IdentifiersCommands.knownUsers(configuration), holders, Clock.systemUTC().instant()));
      TotpHistoryStore history = new TotpHistoryStore(storage.jdbc(), Clock.systemUTC());
      importSource.apply(storage, plan.problems(), plan.devices().size(), () -> plan.devices().forEach(device -> {
        devices.restore(device);
        history.forget(device.username());
      }), WHAT, out);
    }
  }

  @Command(name = "generate", description = "Make a TOTP device for a user, printing its otpauth:// URI.")
  static final class Generate extends StorageCommand {

    @Parameters(index = "0", paramLabel = "<username>")
    String username;

    @Option(names = {"-f", "--force"}, description = "replace the user's device if they have one")
    boolean force;

    @Option(names = {"-p", "--path"}, paramLabel = "<file>", description = "also write the QR code as a PNG file")
    Path path;

    @Option(names = "--secret", paramLabel = "<base32>",
        description = "the shared secret as Base32 (no padding); only to restore a device")
    String secret;

    @Option(names = "--secret-size", paramLabel = "<bytes>",
        description = "the secret size (default: totp.secret_size)")
    Integer secretSize;

    @Option(names = "--algorithm", paramLabel = "<algorithm>",
        description = "SHA1, SHA256 or SHA512 (default: totp.algorithm)")
    String algorithm;

    @Option(names = "--digits", paramLabel = "<digits>", description = "6 or 8 (default: totp.digits)")
    Integer digits;

    @Option(names = "--period", paramLabel = "<seconds>", description = "(default: totp.period)")
    Integer period;

    @Option(names = "--issuer", paramLabel = "<issuer>", description = "(default: totp.issuer)")
    String issuer;

    private final SecureRandom random = new SecureRandom();

    Generate(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      if (!IdentifiersCommands.knownUsers(configuration).test(username)) {
        throw new CommandFailure("user '" + username + "' is not in the users file");
      }
      var totp = configuration.totp();
      TotpParameters parameters = new TotpParameters(
          TotpAlgorithm.parse(algorithm == null ? totp.algorithm() : algorithm),
          digits == null ? totp.digits() : digits, period == null ? totp.period() : period);
      byte[] key = secret == null ? TotpSecrets.generate(secretSize == null ? totp.secretSize() : secretSize)
          : TotpSecrets.decode(secret);
      if (key.length < TotpSecrets.MINIMUM_SIZE_BYTES) {
        throw new IllegalArgumentException("the secret must be at least " + TotpSecrets.MINIMUM_SIZE_BYTES
            + " bytes");
      }
      TotpDevices devices = devices(storage);
      if (!force && devices.has(username)) {
        throw new CommandFailure(username + " already has a TOTP configuration, use --force to overwrite");
      }
      if (path != null && Files.exists(path)) {
        throw new CommandFailure("image output filepath already exists");
      }
      TotpDevice device = new TotpDevice(username, issuer == null ? totp.issuer() : issuer, parameters, key,
          Clock.systemUTC().instant(), null);
      String uri = TotpTransfer.uri(device);
      if (path != null) {
        ExportTarget.write(path, QrCodes.png(uri));
      }
      TotpHistoryStore history = new TotpHistoryStore(storage.jdbc(), Clock.systemUTC());
      storage.transactions().executeWithoutResult(status -> {
        devices.restore(device);
        history.forget(username);
      });
      out.printf("Successfully generated TOTP configuration for user '%s' with URI '%s'%s%n", username, uri,
          path == null ? "" : " and saved it as a PNG image at the path '" + path + "'");
    }
  }

  @Command(name = "delete", description = "Remove a user's TOTP device.")
  static final class Delete extends StorageCommand {

    @Parameters(index = "0", paramLabel = "<username>")
    String username;

    Delete(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      TotpDevices devices = devices(storage);
      if (!devices.has(username)) {
        throw new CommandFailure("failed to delete TOTP configuration for user '" + username + "': it has none");
      }
      devices.remove(username);
      out.printf("Successfully deleted TOTP configuration for user '%s'%n", username);
    }
  }
}
