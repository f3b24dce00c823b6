package dev.gatehouse.telemetry;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Counts and times every request Tomcat answers, those answered by a filter before any servlet
 * (discovery, refused hosts) included, by status and method; the OpenID Connect endpoints also by
 * endpoint. A method outside HTTP's usual ones is counted as {@code OTHER}, so that invented
 * methods cannot make a label value each.
 */
final class RequestMetricsValve extends ValveBase {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
  private static final Map<String, String> OPENID_CONNECT_ENDPOINTS = Map.of(
      "/.well-known/openid-configuration", "discovery",
      "/.well-known/oauth-authorization-server", "discovery",
      "/jwks.json", "jwks",
      "/api/oidc/authorization", "authorization",
      "/api/oidc/token", "token",
      "/api/oidc/userinfo", "userinfo",
      "/api/oidc/introspection", "introspection",
      "/api/oidc/revocation", "revocation",
      "/api/oidc/end-session", "end-session");

  private final Metrics metrics;

  RequestMetricsValve(Metrics metrics) {
    super(true);
    this.metrics = metrics;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    long started = System.nanoTime();
    try {
      getNext().invoke(request, response);
    } finally {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      int status = response.getStatus();
      String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
      metrics.request(status, method, elapsed);
      String endpoint = OPENID_CONNECT_ENDPOINTS.get(pathWithinApplication(request));
      if (endpoint != null) {
        metrics.openIdConnectRequest(endpoint, status, elapsed);
      }
    }
  }

  private static String pathWithinApplication(Request request) {
    String uri = request.getDecodedRequestURI();
    String contextPath = request.getContextPath();
    return uri != null && contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length())
        : uri;
  }
}
