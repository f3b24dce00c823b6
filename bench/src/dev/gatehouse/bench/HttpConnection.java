package dev.gatehouse.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket. The load generator shares two cores with
 * the server it measures, so it must spend as little CPU per request as wrk would: no client
 * library, one write per request, and a blocking read of exactly the response.
 */
final class HttpConnection implements Closeable {

  private static final int TIMEOUT_MILLIS = 30_000;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(URI origin) {
    this.host = origin.getHost();
    this.port = origin.getPort() < 0 ? 80 : origin.getPort();
  }

  /** The request target of {@code uri}: its path and query as sent. */
  static String target(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  Response get(URI uri, String... headers) throws IOException {
    return send("GET", target(uri), List.of(headers), null);
  }

  Response postForm(URI uri, String form, String... headers) throws IOException {
    return postForm(target(uri), form, headers);
  }

  Response postForm(String target, String form, String... headers) throws IOException {
    List<String> all = new ArrayList<>(List.of(headers));
    all.add("Content-Type: application/x-www-form-urlencoded");
    return send("POST", target, all, form.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends one request and reads its response. A keep-alive connection that the server closed
   * while idle is reopened once, but only when no byte of an answer came back, so a request is
   * never sent twice after the server acted on it.
   */
  Response send(String method, String target, List<String> headers, byte[] body) throws IOException {
    byte[] request = encode(method, target, headers, body);
    boolean reused = socket != null;
    try {
      if (!reused) {
        connect();
      }
      out.write(request);
      out.flush();
      return read(method);
    } catch (NothingReceived | java.net.SocketException e) {
      close();
      if (!reused) {
        throw e;
      }
      connect();
      out.write(request);
      out.flush();
      return read(method);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a socket that already failed has nothing left to report.
      }
      socket = null;
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private byte[] encode(String method, String target, List<String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(256)
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(':').append(port).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null) {
      return start;
    }
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  private Response read(String method) throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new NothingReceived();
    }
    String statusLine = (char) first + line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, List<String>> headers = new HashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.substring(colon + 1).trim());
    }
    Response head = new Response(status, headers, new byte[0]);
    byte[] body;
    if ("HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1) {
      body = new byte[0];
    } else if (head.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
      body = chunked();
    } else if (head.header("content-length").isPresent()) {
      body = exactly(Integer.parseInt(head.header("content-length").get()));
    } else {
      body = in.readAllBytes();
      close();
    }
    if (socket != null && head.header("connection").map("close"::equalsIgnoreCase).orElse(false)) {
      close();
    }
    return new Response(status, headers, body);
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (length == 0) {
        while (!line().isEmpty()) {
          // Trailers are not used by any scenario.
        }
        return body.toByteArray();
      }
      body.write(exactly(length));
      line();
    }
  }

  private byte[] exactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("response ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("response ended inside a line");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  /** The server closed the connection before answering: it had timed out an idle keep-alive. */
  private static final class NothingReceived extends IOException {
    NothingReceived() {
      super("connection closed before a response", null);
    }
  }
}
