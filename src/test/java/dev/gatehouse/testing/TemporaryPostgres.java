package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL server from the machine's own installation (Debian's postgresql
 * package), listening on 127.0.0.1 only. Where PostgreSQL is missing the test is skipped with a
 * clear message, except under CI, where that is a failure: CI must run it.
 */
public final class TemporaryPostgres implements AutoCloseable {

  public static final String DATABASE = "gatehouse";
  public static final String USER = "gatehouse";
  public static final String PASSWORD = "gatehouse_test_password";

  private final Path binaries;
  private final Path dataDirectory;
  private final int port;

  private TemporaryPostgres(Path binaries, Path dataDirectory, int port) {
    this.binaries = binaries;
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  public static TemporaryPostgres start() {
    Path binaries = findBinaries().orElse(null);
    if (binaries == null) {
      String message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb);"
          + " install Debian's postgresql package to run the PostgreSQL tests";
      RequiredSoftware.skipOrFail(message);
    }
    try {
      Path data = Files.createTempDirectory("gatehouse-pg");
      int port = freePort();
      chownToPostgres(data);
      Path passwordFile = data.resolve("pwfile");
      Files.writeString(passwordFile, PASSWORD);
      chownToPostgres(passwordFile);
      Path cluster = data.resolve("cluster");
      run(binaries.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER, "-A", "scram-sha-256",
          "--pwfile=" + passwordFile, "-E", "UTF8");
      TemporaryPostgres postgres = new TemporaryPostgres(binaries, data, port);
      postgres.resume();
      run(binaries.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** A data source on the server's database, for tests of storage below Gatehouse. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
    dataSource.setUser(USER);
    dataSource.setPassword(PASSWORD);
    return dataSource;
  }

  public String storageYaml() {
    return """
        storage:
          encryption_key: 'a_very_important_secret_for_tests'
          postgres:
            address: 'tcp://127.0.0.1:%d'
            database: '%s'
            username: '%s'
            password: '%s'
        """.formatted(port, DATABASE, USER, PASSWORD);
  }

  /** Starts the server, again after {@link #stop()}, on the same port and data; returns once it accepts connections. */
  public void resume() {
    run(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.resolve("cluster").toString(), "-w",
        "-l", dataDirectory.resolve("log").toString(),
        "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDirectory, "start");
  }

  public void stop() {
    run(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.resolve("cluster").toString(), "-w",
        "-m", "fast", "stop");
  }

  @Override
  public void close() {
    stop();
    TemporaryFiles.deleteTree(dataDirectory);
  }

  private static Optional<Path> findBinaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** initdb refuses to run as root, so the server runs as the postgres user when we are root. */
  private static void run(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    full.add(0, "env");
    full.add(1, "PGPASSWORD=" + PASSWORD);
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void chownToPostgres(Path path) throws IOException {
    if (isRoot()) {
      Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
