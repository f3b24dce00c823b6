package dev.gatehouse.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser without the rendering: keeps cookies, follows Gatehouse's own redirects, fills
 * in the login form with its CSRF token, and stops at the redirect back to the client.
 */
public final class UserAgent {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
  private static final Pattern INPUT = Pattern.compile("<input[^>]*>");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final String gatehouse;
  private String forwardedFor;

  public UserAgent(String gatehouseBaseUrl) {
    this.gatehouse = gatehouseBaseUrl;
  }

  /**
   * From now on, appear to come from {@code clientIp} through a reverse proxy on 127.0.0.1, which
   * Gatehouse trusts to name the client in X-Forwarded-For.
   */
  public UserAgent comingFrom(String clientIp) {
    this.forwardedFor = clientIp;
    return this;
  }

  /** The value of one of Gatehouse's cookies in this browser, if set. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
  }

  /** Plants a cookie, as an attacker replaying a stolen one would. */
  public void setCookie(String name, String value) {
    HttpCookie cookie = new HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(gatehouse), cookie);
  }

  /** Submits a form of Gatehouse's portal, with the CSRF token of the page it is on. */
  public HttpResponse<String> submit(HttpResponse<String> page, String action, Map<String, String> fields) {
    return follow(submitOnce(page, action, fields));
  }

  /** Like {@link #submit}, but returns Gatehouse's immediate answer without following it. */
  public HttpResponse<String> submitOnce(HttpResponse<String> page, String action, Map<String, String> fields) {
    Map<String, String> form = new java.util.HashMap<>(fields);
    form.put("_csrf", csrfToken(page.body()));
    return post(URI.create(gatehouse + action), form);
  }

  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
  }

  /**
   * Opens the authorization request, signs in on the login page and returns the redirect that
   * leaves Gatehouse (towards the client), or the last page if none does.
   */
  public HttpResponse<String> authorize(URI authorizationRequest, String username, String password) {
    HttpResponse<String> response = follow(get(authorizationRequest));
    if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
      response = follow(submitLogin(response.body(), username, password));
    }
    return response;
  }

  public HttpResponse<String> submitLogin(String loginPage, String username, String password) {
    return post(URI.create(gatehouse + "/login"),
        Map.of("username", username, "password", password, "_csrf", csrfToken(loginPage)));
  }

  private static String csrfToken(String page) {
    Matcher csrf = CSRF.matcher(page);
    if (!csrf.find()) {
      throw new AssertionError("page has no CSRF token:\n" + page);
    }
    return csrf.group(1);
  }

  /**
   * Submits the page's only form wherever its action points, as a browser does when the user sets
   * {@code chosen} (a button, a checkbox): with every hidden field as rendered, repeated names
   * included. Follows Gatehouse's own redirects.
   */
  public HttpResponse<String> submitForm(HttpResponse<String> page, Map<String, String> chosen) {
    return follow(postForm(page, chosen, Set.of()));
  }

  /**
   * Posts the page's only form as {@link #submitForm} does, but without the hidden fields named in
   * {@code omitted} and with extra request {@code headers}, as a forger would; not followed.
   */
  public HttpResponse<String> postForm(HttpResponse<String> page, Map<String, String> chosen, Set<String> omitted,
      String... headers) {
    Matcher action = FORM_ACTION.matcher(page.body());
    if (!action.find()) {
      throw new AssertionError("page has no form:\n" + page.body());
    }
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    Matcher input = INPUT.matcher(page.body());
    while (input.find()) {
      String name = attribute(input.group(), "name");
      if ("hidden".equals(attribute(input.group(), "type")) && !omitted.contains(name)) {
        fields.add(Map.entry(name, attribute(input.group(), "value")));
      }
    }
    fields.addAll(chosen.entrySet());
    return post(page.uri().resolve(unescape(action.group(1))), fields, headers);
  }

  public HttpResponse<String> post(URI uri, Map<String, String> form, String... headers) {
    return post(uri, List.copyOf(form.entrySet()), headers);
  }

  private HttpResponse<String> post(URI uri, List<Map.Entry<String, String>> form, String... headers) {
    String body = form.stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Follows redirects while they stay within Gatehouse; returns the page or the redirect that leaves. */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    for (int hops = 0; hops < 10; hops++) {
      if (response.statusCode() / 100 != 3) {
        return response;
      }
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      if (!next.toString().startsWith(gatehouse)) {
        return response;
      }
      response = get(next);
    }
    throw new AssertionError("too many redirects, last: " + response.uri());
  }

  private HttpResponse<String> send(HttpRequest request) {
    HttpRequest sent = forwardedFor == null ? request
        : HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
    try {
      return http.send(sent, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String attribute(String tag, String name) {
    Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    return value.find() ? unescape(value.group(1)) : null;
  }

  /** Undoes Thymeleaf's escaping of attribute values. */
  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
