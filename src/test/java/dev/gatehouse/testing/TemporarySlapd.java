package dev.gatehouse.testing;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenLDAP server from the machine's own installation (Debian's slapd package), run as a child
 * process on 127.0.0.1 with its own slapd.conf and database in a temporary directory: the system's slapd
 * service and /etc/ldap/slapd.d are never used. Where slapd is missing the test is skipped with a clear
 * message, except under CI, where that is a failure: CI must run it.
 */
public final class TemporarySlapd implements AutoCloseable {

  public static final String SUFFIX = "dc=example,dc=com";
  public static final String ROOT_DN = "cn=admin,dc=example,dc=com";
  public static final String ROOT_PASSWORD = "service-secret";
  private static final Path SLAPD = Path.of("/usr/sbin/slapd");

  private final Path directory;
  private final int port;
  private final int ldapsPort;
  private Process process;

  private TemporarySlapd(Path directory, int port, int ldapsPort) {
    this.directory = directory;
    this.port = port;
    this.ldapsPort = ldapsPort;
  }

  /**
   * What the server holds and offers.
   *
   * @param schemas file names below /etc/ldap/schema, without {@code .schema}
   * @param overlays overlays loaded as modules and stacked on the database, e.g. {@code ppolicy}
   * @param tls null for no TLS
   */
  public record Setup(List<String> schemas, List<String> overlays, Tls tls) {

    public static Setup of(String... schemas) {
      return new Setup(List.of(schemas), List.of(), null);
    }

    public Setup withOverlay(String overlay) {
      List<String> all = new ArrayList<>(overlays);
      all.add(overlay);
      return new Setup(schemas, all, tls);
    }

    public Setup withTls(Tls tls) {
      return new Setup(schemas, overlays, tls);
    }
  }

  /**
   * @param certificateChain the server's certificate then its CA (PEM)
   * @param cipherSuite slapd's {@code TLSCipherSuite} (a GnuTLS priority string), or null for its default
   */
  public record Tls(Path certificateChain, Path privateKey, String cipherSuite) {
  }

  public static TemporarySlapd start(Setup setup) {
    if (!Files.isExecutable(SLAPD)) {
      String message = "OpenLDAP's slapd is not installed (no " + SLAPD + "); install Debian's slapd package"
          + " to run the slapd tests";
      RequiredSoftware.skipOrFail(message);
    }
    try {
      Path directory = Files.createTempDirectory("gatehouse-slapd");
      Files.createDirectory(directory.resolve("data"));
      Files.writeString(directory.resolve("slapd.conf"), configuration(directory, setup));
      TemporarySlapd slapd = new TemporarySlapd(directory, TestGatehouse.freePort(), TestGatehouse.freePort());
      slapd.resume();
      return slapd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String configuration(Path directory, Setup setup) {
    StringBuilder conf = new StringBuilder();
    setup.schemas().forEach(schema -> conf.append("include /etc/ldap/schema/").append(schema).append(".schema\n"));
    conf.append("modulepath /usr/lib/ldap\nmoduleload back_mdb\n");
    setup.overlays().forEach(overlay -> conf.append("moduleload ").append(overlay).append('\n'));
    conf.append("pidfile ").append(directory.resolve("slapd.pid")).append('\n');
    if (setup.tls() != null) {
      conf.append("TLSCertificateFile ").append(setup.tls().certificateChain()).append('\n')
          .append("TLSCertificateKeyFile ").append(setup.tls().privateKey()).append('\n');
      if (setup.tls().cipherSuite() != null) {
        conf.append("TLSCipherSuite ").append(setup.tls().cipherSuite()).append('\n');
      }
    }
    conf.append("database mdb\nmaxsize 16777216\nsuffix \"").append(SUFFIX).append("\"\n")
        .append("rootdn \"").append(ROOT_DN).append("\"\nrootpw ").append(ROOT_PASSWORD).append('\n')
        .append("directory ").append(directory.resolve("data")).append('\n');
    setup.overlays().forEach(overlay -> conf.append("overlay ").append(overlay).append('\n'));
    return conf.toString();
  }

  public int port() {
    return port;
  }

  /** The ldaps:// port; it only answers when the setup has TLS. */
  public int ldapsPort() {
    return ldapsPort;
  }

  /** Adds the entries of an LDIF resource, bound as the root DN. */
  public void load(InputStream ldif) {
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
        LDIFReader reader = new LDIFReader(ldif)) {
      for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
        connection.add(entry);
      }
    } catch (LDAPException | LDIFException e) {
      throw new IllegalStateException("cannot load the LDIF into slapd", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts slapd, again after {@link #stop()}, on the same ports and data; returns once it accepts
   * connections.
   */
  public void resume() {
    try {
      process = new ProcessBuilder(SLAPD.toString(), "-f", directory.resolve("slapd.conf").toString(),
          "-h", "ldap://127.0.0.1:" + port + "/ ldaps://127.0.0.1:" + ldapsPort + "/", "-d", "0")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("slapd.log").toFile()))
          .start();
      awaitListening();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("slapd exited with " + process.exitValue() + ":\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    stop();
    throw new IllegalStateException("slapd did not listen on port " + port + " within 15 s:\n" + log());
  }

  public String log() throws IOException {
    return Files.readString(directory.resolve("slapd.log"));
  }

  /** Stops this slapd (its own process, by PID through its handle) and waits until it has exited. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    ChildProcesses.stop(process, Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    stop();
    TemporaryFiles.deleteTree(directory);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
