package dev.gatehouse.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP response as the load generator sees it; header names are lower case. */
record Response(int status, Map<String, List<String>> headers, byte[] body) {

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  List<String> all(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  boolean isRedirect() {
    return status / 100 == 3 && header("location").isPresent();
  }

  /** The redirect target, resolved against the request it answered. */
  URI location(URI request) {
    return request.resolve(header("location").orElseThrow());
  }

  /** Fails the operation unless the status is {@code expected}. */
  Response expect(int expected) {
    if (status != expected) {
      String start = text();
      throw new UnexpectedResponse("HTTP " + status + " instead of " + expected + ": "
          + start.substring(0, Math.min(200, start.length())));
    }
    return this;
  }
}
