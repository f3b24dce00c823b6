package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, so that a request may carry bytes that no HTTP client
 * would send: raw NULs, invalid UTF-8, bodies shorter than their Content-Length.
 */
public final class RawHttp {

  /** Status of an exchange the server closed without answering. */
  public static final int NO_ANSWER = -1;
  /** Status of an exchange the server neither answered nor closed in time. */
  public static final int TIMED_OUT = -2;
  private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

  private final String source;
  private final int port;
  private final int timeoutMillis;

  /** Sends from {@code source}, a loopback address, so that what Gatehouse holds against it stays there. */
  public RawHttp(String source, int port, int timeoutMillis) {
    this.source = source;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** The server's answer; its bytes are read as ISO-8859-1 so that none is lost or replaced. */
  public record Answer(int status, String text) {

    /** The answer in {@code text}, the bytes a server sent read as ISO-8859-1, interim answers and all. */
    public static Answer of(String text) {
      String last = withoutInterimAnswers(text);
      return new Answer(statusOf(last), last);
    }

    public String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }
  }

  /**
   * Sends {@code request} as it is, then half-closes the connection: a body cut short ends there,
   * as it does when a client dies mid-request.
   */
  public Answer exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException refusedMidway) {
        // The server may answer and close before reading an oversized request to its end.
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n; (n = in.read(buffer)) > 0 && received.size() < MAX_ANSWER_BYTES; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      if (received.size() == 0) {
        return new Answer(TIMED_OUT, "");
      }
    } catch (IOException resetAfterAnswer) {
      // A reset after the answer leaves what was received intact.
    }
    return Answer.of(received.toString(StandardCharsets.ISO_8859_1));
  }

  /** Interim 1xx answers (to Expect: 100-continue) come before the final one. */
  private static String withoutInterimAnswers(String text) {
    String rest = text;
    while (rest.startsWith("HTTP/1.1 1") && rest.indexOf("\r\n\r\n") > 0) {
      rest = rest.substring(rest.indexOf("\r\n\r\n") + 4);
    }
    return rest;
  }

  private static int statusOf(String text) {
    if (!text.startsWith("HTTP/1.") || text.length() < 12) {
      return NO_ANSWER;
    }
    try {
      return Integer.parseInt(text.substring(9, 12));
    } catch (NumberFormatException e) {
      return NO_ANSWER;
    }
  }
}
