package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * nginx serving byte-for-byte copies of Gatehouse's discovery document and JWKS as static files:
 * the yardstick for what serving a precomputed document can cost on this machine. Like Gatehouse's
 * Tomcat, it keeps its own defaults (such as how many requests one connection may carry).
 */
final class NginxStatic {

  static final String DISCOVERY = "/openid-configuration.json";
  static final String JWKS = "/jwks.json";

  private final Path directory;
  private final int port;

  NginxStatic(Path directory, byte[] discovery, byte[] jwks, int port) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.port = port;
    Path root = Files.createDirectories(directory.resolve("static"));
    Files.write(root.resolve(DISCOVERY.substring(1)), discovery);
    Files.write(root.resolve(JWKS.substring(1)), jwks);
    Files.writeString(directory.resolve("nginx.conf"), """
        daemon off;
        worker_processes auto;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          default_type application/json;
          client_body_temp_path %1$s/tmp;
          proxy_temp_path %1$s/tmp;
          fastcgi_temp_path %1$s/tmp;
          uwsgi_temp_path %1$s/tmp;
          scgi_temp_path %1$s/tmp;
          server {
            listen 127.0.0.1:%2$d;
            root %3$s;
          }
        }
        """.formatted(directory, port, root));
    Files.createDirectories(directory.resolve("tmp"));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  ServerProcess start() throws IOException, InterruptedException {
    return ServerProcess.start("nginx", List.of("nginx", "-p", directory.toString(), "-c", "nginx.conf"), Map.of(),
        directory, directory.resolve("nginx.log"), uri(JWKS), Duration.ofSeconds(20));
  }
}
