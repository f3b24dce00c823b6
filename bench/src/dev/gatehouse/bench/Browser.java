package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's browser on one provider: its own connection and cookies, following the provider's
 * redirects and stopping at the one that leaves it (towards the client's redirect URI).
 */
final class Browser implements AutoCloseable {

  /** A response together with the address it came from, as a browser's current page. */
  record Page(URI uri, Response response) {

    boolean leaves(URI origin) {
      return response.isRedirect() && !sameOrigin(response.location(uri), origin);
    }

    HtmlForm form() {
      return HtmlForm.first(uri, response.text())
          .orElseThrow(() -> new UnexpectedResponse("no form at " + uri + " (HTTP " + response.status() + ")"));
    }
  }

  private static final int MAX_REDIRECTS = 10;

  private final URI origin;
  private final HttpConnection connection;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(URI origin) {
    this.origin = origin;
    this.connection = new HttpConnection(origin);
  }

  /** Opens {@code uri} and follows redirects while they stay on the provider. */
  Page open(URI uri) throws IOException {
    return follow(new Page(uri, send("GET", uri, null)));
  }

  /** Submits {@code form} with what the person chose, and follows the provider's redirects. */
  Page submit(HtmlForm form, Map<String, String> chosen) throws IOException {
    String body = form.with(chosen).stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
    return follow(new Page(form.action(), send("POST", form.action(), body)));
  }

  @Override
  public void close() {
    connection.close();
  }

  private Page follow(Page page) throws IOException {
    for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
      if (!page.response().isRedirect() || page.leaves(origin)) {
        return page;
      }
      URI next = page.response().location(page.uri());
      page = new Page(next, send("GET", next, null));
    }
    throw new UnexpectedResponse("more than " + MAX_REDIRECTS + " redirects, last " + page.uri());
  }

  private Response send(String method, URI uri, String form) throws IOException {
    List<String> headers = new ArrayList<>();
    headers.add("Accept: text/html");
    if (!cookies.isEmpty()) {
      headers.add("Cookie: " + cookies.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
    }
    String target = HttpConnection.target(uri);
    Response response = form == null
        ? connection.send(method, target, headers, null)
        : connection.postForm(target, form, headers.toArray(String[]::new));
    response.all("set-cookie").forEach(this::remember);
    return response;
  }

  /** Keeps cookies by name only: each browser talks to one provider, one sign-in at a time. */
  private void remember(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int equals = pair.indexOf('=');
    String name = pair.substring(0, equals).trim();
    String value = pair.substring(equals + 1).trim();
    String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
    if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort() && a.getScheme().equals(b.getScheme());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
