package dev.gatehouse.cli;

import dev.gatehouse.crypto.keys.KeyAlgorithms;
import dev.gatehouse.crypto.keys.KeyIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crypto pair rsa generate}: a signing key for {@code identity_providers.oidc.jwks}, written
 * as Authelia writes it (PKCS#8 {@code private.pem}, readable by its owner only, and PKIX
 * {@code public.pem}), with the key id Gatehouse derives for it when {@code key_id} is not set.
 */
@Command(name = "generate",
    description = "Write an RSA key pair (private.pem, public.pem) for identity_providers.oidc.jwks.")
final class RsaGenerateCommand implements Callable<Integer> {

  /** Gatehouse, like Authelia, refuses smaller jwks keys. */
  private static final int MINIMUM_BITS = 2048;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

  @Option(names = {"-b", "--bits"}, paramLabel = "<bits>", description = "key size (default: ${DEFAULT-VALUE})")
  int bits = MINIMUM_BITS;

  @Option(names = {"-d", "--directory"}, paramLabel = "<directory>",
      description = "where to write the files (default: the current directory)")
  Path directory = Path.of("");

  @Option(names = "--file.private-key", paramLabel = "<name>", description = "(default: ${DEFAULT-VALUE})")
  String privateKeyName = "private.pem";

  @Option(names = "--file.public-key", paramLabel = "<name>", description = "(default: ${DEFAULT-VALUE})")
  String publicKeyName = "public.pem";

  private final Terminal terminal;

  RsaGenerateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException, NoSuchAlgorithmException {
    if (bits < MINIMUM_BITS) {
      throw new IllegalArgumentException("--bits must be at least " + MINIMUM_BITS + " but is " + bits);
    }
    Path privateKey = directory.resolve(privateKeyName).toAbsolutePath();
    Path publicKey = directory.resolve(publicKeyName).toAbsolutePath();
    // Replacing a signing key would invalidate every token signed with it.
    for (Path file : new Path[] {privateKey, publicKey}) {
      if (Files.exists(file)) {
        throw alreadyExists(file);
      }
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    KeyPair pair = generator.generateKeyPair();

    write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), OWNER_ONLY);
    write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), WORLD_READABLE);
    String algorithm = KeyAlgorithms.defaultFor(pair.getPublic(), KeyAlgorithms.USE_SIGNATURE);
    terminal.out().println("Wrote the private key to: " + privateKey);
    terminal.out().println("Wrote the public key to: " + publicKey);
    terminal.out().println("Key ID: " + KeyIds.derive(pair.getPublic(), algorithm)
        + " (what Gatehouse derives when key_id is not set)");
    return 0;
  }

  private static CommandFailure alreadyExists(Path file) {
    return new CommandFailure(file + " already exists; move it away or choose another --directory");
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** Creates the file with its final permissions, so a private key is never readable by others, even briefly. */
  private static void write(Path file, String content, Set<PosixFilePermission> permissions) throws IOException {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(file, attributes);
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(file);
    }
    if (posix) {
      // The umask may have taken bits away at creation; set exactly what was asked.
      Files.setPosixFilePermissions(file, permissions);
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
