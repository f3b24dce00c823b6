package dev.gatehouse.oidc.authorize;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An authorization request that came as a form POST, seen as the equivalent GET with its
 * parameters in the query string. Saved this way, the request survives the detour through the
 * login pages: the browser is sent back to a URL that carries every parameter.
 */
final class GetEquivalentRequest extends HttpServletRequestWrapper {

  private final String queryString;

  GetEquivalentRequest(HttpServletRequest posted) {
    super(posted);
    this.queryString = posted.getParameterMap().entrySet().stream()
        .flatMap(parameter -> Arrays.stream(parameter.getValue()).map(value -> encode(parameter, value)))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public String getQueryString() {
    return queryString;
  }

  private static String encode(Map.Entry<String, String[]> parameter, String value) {
    return URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
