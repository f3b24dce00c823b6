package dev.gatehouse.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * docker/nginx.conf, changed only where a run outside Docker must differ: it listens on 127.0.0.1
 * ports, reads a certificate made for the test, reaches the upstreams on 127.0.0.1 and keeps its
 * logs and temporary files in the test's directory. Each change must apply, so that an edit of the
 * shipped file cannot leave the tests checking something else.
 */
final class ShippedNginx {

  static final Path FILE = Path.of("docker", "nginx.conf");
  static final String CERTIFICATES = "/etc/letsencrypt/live/example.com/";

  private final Path nginx;
  private final Path directory;
  private final Path configuration;

  private ShippedNginx(Path nginx, Path directory, Path configuration) {
    this.nginx = nginx;
    this.directory = directory;
    this.configuration = configuration;
  }

  /** The adapted copy in {@code directory}, with a self-signed certificate for both host names. */
  static ShippedNginx prepare(Path directory, int httpsPort, int httpPort, int gatehousePort, int librechatPort)
      throws IOException, InterruptedException {
    Path nginx = Tools.require("apt-get install nginx", "/usr/sbin/nginx", "/usr/bin/nginx");
    Path openssl = Tools.require("apt-get install openssl", "/usr/bin/openssl");
    Tools.Result certificate = Tools.run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048",
        "-nodes", "-days", "2", "-subj", "/CN=auth.example.com",
        "-addext", "subjectAltName=DNS:auth.example.com,DNS:librechat.example.com",
        "-keyout", directory.resolve("privkey.pem").toString(),
        "-out", directory.resolve("fullchain.pem").toString()));
    assertThat(certificate.exitCode()).as(certificate.output()).isZero();
    Files.createDirectories(directory.resolve("logs"));

    String shipped = Files.readString(FILE);
    String text = replace(shipped, "listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;");
    text = replace(text, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
    text = replace(text, CERTIFICATES, directory + "/");
    text = replace(text, "http://gatehouse:9091", "http://127.0.0.1:" + gatehousePort);
    text = replace(text, "http://librechat:3080", "http://127.0.0.1:" + librechatPort);
    text = replace(text, "http {\n", "http {\n" + temporaryPaths(directory));
    List<String> lines = new ArrayList<>(text.lines().toList());
    assertThat(lines.removeIf(line -> line.strip().startsWith("listen [::]:"))).isTrue();
    Path configuration = Files.writeString(directory.resolve("nginx.conf"), String.join("\n", lines) + "\n");
    return new ShippedNginx(nginx, directory, configuration);
  }

  Path certificate() {
    return directory.resolve("fullchain.pem");
  }

  /** {@code nginx -t} on the adapted copy. */
  Tools.Result test() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(command());
    command.add("-t");
    return Tools.run(command);
  }

  Process start() throws IOException {
    return new ProcessBuilder(command()).redirectErrorStream(true)
        .redirectOutput(directory.resolve("nginx.out").toFile()).start();
  }

  String log() throws IOException {
    Path out = directory.resolve("nginx.out");
    Path error = directory.resolve("error.log");
    return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(error) ? Files.readString(error) : "");
  }

  private List<String> command() {
    return List.of(nginx.toString(), "-p", directory.toString(), "-c", configuration.toString(),
        "-e", directory.resolve("error.log").toString(),
        "-g", "daemon off; master_process off; pid " + directory.resolve("nginx.pid") + ";");
  }

  private static String temporaryPaths(Path directory) {
    StringBuilder paths = new StringBuilder("  access_log " + directory.resolve("logs/access.log") + ";\n");
    for (String kind : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
      paths.append("  ").append(kind).append("_temp_path ").append(directory.resolve("temp-" + kind)).append(";\n");
    }
    return paths.toString();
  }

  private static String replace(String text, String shipped, String replacement) {
    assertThat(text).as("docker/nginx.conf should contain '%s'", shipped).contains(shipped);
    return text.replace(shipped, replacement);
  }
}
