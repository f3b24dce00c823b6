package dev.gatehouse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One line of nginx's access log ({@code NginxProxy.accessLog()}): a request, the status the
 * browser or client got, and the Gatehouse instances nginx tried for it, in order — more than one
 * when the first refused the connection.
 */
record ProxiedRequest(long millis, String method, String path, int status, List<String> upstreams,
    List<String> upstreamStatuses) {

  /** The sign-in pages, the authorization endpoint and the end-session endpoint: what needs the session. */
  private static final List<String> SESSION_PATHS = List.of("/login", "/totp", "/consent", "/api/oidc/authorization",
      "/api/oidc/end-session");

  static List<ProxiedRequest> read(Path accessLog) {
    try {
      return Files.readAllLines(accessLog).stream().map(ProxiedRequest::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProxiedRequest parse(String line) {
    String[] fields = line.split("\\|", -1);
    if (fields.length != 6) {
      throw new IllegalArgumentException("not a line of the upstreams log format: " + line);
    }
    return new ProxiedRequest(Math.round(Double.parseDouble(fields[0]) * 1000), fields[1], fields[2],
        Integer.parseInt(fields[3]), listed(fields[4]), listed(fields[5]));
  }

  /** nginx writes "-" when it answered by itself, and "a, b" when it tried a and then b. */
  private static List<String> listed(String field) {
    return field.equals("-") ? List.of() : Arrays.stream(field.split(",\\s*")).toList();
  }

  boolean reachedGatehouse() {
    return !upstreams.isEmpty();
  }

  /** The instance that answered: the last one nginx tried. */
  String servedBy() {
    return upstreams.get(upstreams.size() - 1);
  }

  boolean needsTheSession() {
    return SESSION_PATHS.stream().anyMatch(path::startsWith);
  }

  /** For example {@code GET /totp/enrol 200 by 127.0.0.1:8001 (502) then 127.0.0.1:8002 (200)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(method + " " + path + " " + status + " by");
    for (int tried = 0; tried < upstreams.size(); tried++) {
      String answer = tried < upstreamStatuses.size() ? upstreamStatuses.get(tried) : "?";
      text.append(tried == 0 ? " " : " then ").append(upstreams.get(tried)).append(" (").append(answer).append(")");
    }
    return text.toString();
  }
}
