package dev.gatehouse.proxy;

import dev.gatehouse.testing.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's nginx as a child process with a configuration and prefix directory of its own,
 * terminating TLS on 127.0.0.1 in front of Gatehouse the way an admin sets it up:
 * {@link #port()} forwards X-Forwarded-Proto, X-Forwarded-Host (with the port), X-Forwarded-Port
 * and X-Forwarded-For, and serves the users' avatars under {@code /avatars/} to bearers only;
 * {@link #autheliaStylePort()} forwards only the headers of Authelia's nginx guide (no
 * X-Forwarded-Port). In front of several Gatehouse instances it takes turns (round-robin, no
 * stickiness) and passes a request on to the next instance when one refuses the connection;
 * {@link #accessLog()} says which instance served each request.
 */
public final class NginxProxy implements AutoCloseable {

  static final String MISSING = "Debian's nginx is not installed (apt-get install nginx);"
      + " the LibreChat-behind-nginx suite needs it";

  private final Process process;
  private final Path prefix;
  private final int port;
  private final int autheliaStylePort;

  private NginxProxy(Process process, Path prefix, int port, int autheliaStylePort) {
    this.process = process;
    this.prefix = prefix;
    this.port = port;
    this.autheliaStylePort = autheliaStylePort;
  }

  public static Path binary() {
    return Prerequisites.executable(MISSING, "/usr/sbin/nginx", "/usr/bin/nginx", "nginx");
  }

  /** Starts nginx; {@code avatars} is the directory served as {@code /avatars/}. */
  static NginxProxy start(Path nginx, Path prefix, ThrowawayCa tls, int port, int autheliaStylePort,
      int gatehousePort, Path avatars) {
    return start(nginx, prefix, tls, port, autheliaStylePort, List.of(gatehousePort), avatars);
  }

  /** Starts nginx in front of the Gatehouse instances on {@code gatehousePorts}, which it takes in turn. */
  public static NginxProxy start(Path nginx, Path prefix, ThrowawayCa tls, int port, int autheliaStylePort,
      List<Integer> gatehousePorts, Path avatars) {
    String servers = gatehousePorts.stream().map(gatehouse -> "server 127.0.0.1:" + gatehouse + ";")
        .collect(Collectors.joining(" "));
    try {
      for (String temp : new String[] {"body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
        Files.createDirectories(prefix.resolve("temp").resolve(temp));
      }
      Path configuration = Files.writeString(prefix.resolve("nginx.conf"), """
          daemon off;
          master_process off;
          worker_processes 1;
          pid %1$s/nginx.pid;
          error_log %1$s/error.log warn;
          events { worker_connections 256; }
          http {
            log_format upstreams '$msec|$request_method|$uri|$status|$upstream_addr|$upstream_status';
            access_log %1$s/access.log upstreams;
            client_body_temp_path %1$s/temp/body;
            proxy_temp_path %1$s/temp/proxy;
            fastcgi_temp_path %1$s/temp/fastcgi;
            uwsgi_temp_path %1$s/temp/uwsgi;
            scgi_temp_path %1$s/temp/scgi;
            types { image/png png; }
            default_type application/octet-stream;
            ssl_certificate %2$s;
            ssl_certificate_key %3$s;
            ssl_protocols TLSv1.2 TLSv1.3;
            # A killed instance refuses the connection at once; its request goes to the next one.
            upstream gatehouse { %5$s }
            proxy_next_upstream error timeout;
            proxy_connect_timeout 1s;

            server {
              listen 127.0.0.1:%4$d ssl;
              server_name localhost;
              location /avatars/ {
                root %6$s;
                if ($http_authorization !~ "^Bearer .") { return 401; }
              }
              location / {
                proxy_pass http://gatehouse;
                proxy_set_header Host $http_host;
                proxy_set_header X-Forwarded-Proto $scheme;
                proxy_set_header X-Forwarded-Host $http_host;
                proxy_set_header X-Forwarded-Port $server_port;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              }
            }

            server {
              listen 127.0.0.1:%7$d ssl;
              server_name localhost;
              location / {
                proxy_pass http://gatehouse;
                proxy_set_header Host $host;
                proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
                proxy_set_header X-Forwarded-Proto $scheme;
                proxy_set_header X-Forwarded-Host $http_host;
                proxy_set_header X-Forwarded-URI $request_uri;
                proxy_set_header X-Forwarded-Ssl on;
                proxy_set_header X-Forwarded-For $remote_addr;
                proxy_set_header X-Real-IP $remote_addr;
              }
            }
          }
          """.formatted(prefix, tls.chainFile(), tls.keyFile(), port, servers, avatars.getParent(),
          autheliaStylePort));
      if (!avatars.getFileName().toString().equals("avatars")) {
        throw new IllegalArgumentException("the avatars directory must be named avatars: " + avatars);
      }
      Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", configuration.toString(),
          "-e", "stderr")
          .redirectErrorStream(true)
          .redirectOutput(prefix.resolve("nginx.out").toFile())
          .start();
      NginxProxy proxy = new NginxProxy(process, prefix, port, autheliaStylePort);
      proxy.awaitListening();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  int autheliaStylePort() {
    return autheliaStylePort;
  }

  public String origin() {
    return "https://localhost:" + port;
  }

  String autheliaStyleOrigin() {
    return "https://localhost:" + autheliaStylePort;
  }

  /**
   * One line per request answered, {@code msec|method|path|status|upstreams|upstream statuses}, the
   * last two listing every instance tried in order ({@code 127.0.0.1:8001, 127.0.0.1:8002}).
   */
  public Path accessLog() {
    return prefix.resolve("access.log");
  }

  /** What nginx said on stderr and in its error log, for failure messages. */
  public String log() {
    StringBuilder text = new StringBuilder();
    for (String name : new String[] {"nginx.out", "error.log"}) {
      try {
        Path file = prefix.resolve(name);
        if (Files.exists(file)) {
          text.append(name).append(":\n").append(Files.readString(file));
        }
      } catch (IOException e) {
        text.append(name).append(": ").append(e.getMessage());
      }
    }
    return text.toString();
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited with " + process.exitValue() + "\n" + log());
      }
      if (accepts(port) && accepts(autheliaStylePort)) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within 15 s\n" + log());
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops this nginx by its process id: TERM (fast shutdown), then KILL if it lingers. */
  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(5));
  }
}
