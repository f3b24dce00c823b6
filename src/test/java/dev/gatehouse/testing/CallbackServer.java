package dev.gatehouse.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The relying party's callback URL on 127.0.0.1: it remembers where the browser arrived. */
public final class CallbackServer implements AutoCloseable {

  public static final String PATH = "/oauth/openid/callback";

  private final HttpServer server;

  private CallbackServer(HttpServer server) {
    this.server = server;
  }

  public static CallbackServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      CallbackServer callback = new CallbackServer(server);
      server.createContext("/", exchange -> {
        byte[] page = "<!DOCTYPE html><title>Client</title><h1>Back at the client</h1>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
      });
      server.start();
      return callback;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
