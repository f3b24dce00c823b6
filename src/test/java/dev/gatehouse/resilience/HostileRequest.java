package dev.gatehouse.resilience;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request being made hostile, part by part. Every part is text whose characters are the bytes
 * sent (ISO-8859-1), so that a part may hold any byte, including NUL and invalid UTF-8.
 */
final class HostileRequest {

  String method;
  String path;
  String version = "HTTP/1.1";
  /** Query parameters as already encoded {@code name=value} pairs. */
  final List<String> query = new ArrayList<>();
  /** Form parameters as already encoded {@code name=value} pairs; ignored when {@link #body} is set. */
  final List<String> form = new ArrayList<>();
  /** Header lines without their line end. */
  final List<String> headers = new ArrayList<>();
  String body;
  String contentType;
  boolean sendHost = true;
  boolean sendContentLength = true;
  /** How many bytes more the Content-Length promises than the body holds. */
  int missingBodyBytes;
  /** What was done to this request, to tell a failure apart. */
  final List<String> mutations = new ArrayList<>();

  HostileRequest(String method, String path) {
    this.method = method;
    this.path = path;
  }

  String bodyText() {
    if (body != null) {
      return body;
    }
    return form.isEmpty() ? "" : String.join("&", form);
  }

  byte[] toBytes(int port) {
    String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
    StringBuilder text = new StringBuilder().append(method).append(' ').append(target).append(' ')
        .append(version).append("\r\n");
    if (sendHost) {
      text.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    headers.forEach(line -> text.append(line).append("\r\n"));
    String content = bodyText();
    if (contentType != null) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (sendContentLength && (!content.isEmpty() || missingBodyBytes > 0)) {
      text.append("Content-Length: ").append(content.length() + missingBodyBytes).append("\r\n");
    }
    text.append("Connection: close\r\n\r\n").append(content);
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The request line and what was done to it, short enough for a failure message. */
  String describe() {
    String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
    String line = method + " " + target;
    String shown = line.length() > 200 ? line.substring(0, 200) + "…(" + line.length() + ")" : line;
    return shown.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\x%02x", c) : String.valueOf((char) c))
        .collect(Collectors.joining()) + " " + mutations;
  }
}
