package dev.gatehouse.telemetry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus's text format at {@code telemetry.metrics.address}, on a port of its own as in
 * Authelia, so that the proxy in front of Gatehouse never exposes it. One thread: a scrape every
 * few seconds needs no more.
 */
final class MetricsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static MetricsServer start(String host, int port, String path, Supplier<String> scrape) throws IOException {
    InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(path, exchange -> {
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals(path) || !"GET".equals(exchange.getRequestMethod())) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "metrics");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
    log.info("Serving metrics at http://{}:{}{}", host.isEmpty() ? "0.0.0.0" : host,
        server.getAddress().getPort(), path);
    return new MetricsServer(server, executor);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
