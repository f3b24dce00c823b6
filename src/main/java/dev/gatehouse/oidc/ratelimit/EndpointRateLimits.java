package dev.gatehouse.oidc.ratelimit;

import dev.gatehouse.config.schema.ServerConfig.RateLimit;
import dev.gatehouse.config.schema.ServerConfig.RateLimits;
import dev.gatehouse.regulation.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authelia's per-IP rate limits ({@code server.endpoints.rate_limits}) on the token, userinfo,
 * introspection and revocation endpoints. A client over a limit gets {@code 429} with
 * {@code Retry-After} and an OAuth error body, before its credentials cost anything. On the token
 * and userinfo endpoints a {@code 200} does not count, so only failures (guessed codes, secrets or
 * tokens) use up the allowance; once it is used up, every request from the address waits.
 *
 * <p>The error is {@code temporarily_unavailable} (RFC 6749 section 4.1.2.1, registered in section
 * 11.4), as Authelia answers: "try again later" is what clients treat as retryable, while
 * {@code slow_down} is RFC 8628's answer to device-code polling (section 3.5), which no client of
 * these endpoints does.
 */
public final class EndpointRateLimits extends OncePerRequestFilter {

  /** Clients remembered per endpoint: at most a few megabytes, whatever the traffic. */
  private static final int MAX_CLIENTS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(EndpointRateLimits.class);
  private static final byte[] TOO_MANY_REQUESTS = ("{\"error\":\"temporarily_unavailable\","
      + "\"error_description\":\"Too many requests from this address; try again later.\"}")
      .getBytes(StandardCharsets.UTF_8);

  private record Endpoint(RequestMatcher path, ClientRateLimiter limiter, boolean successIsFree) {
  }

  private final List<Endpoint> endpoints;

  private EndpointRateLimits(List<Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  public static EndpointRateLimits of(RateLimits limits, AuthorizationServerSettings paths, Clock clock) {
    List<Endpoint> endpoints = new ArrayList<>();
    add(endpoints, paths.getTokenEndpoint(), limits.token(), true, clock);
    add(endpoints, paths.getOidcUserInfoEndpoint(), limits.userinfo(), true, clock);
    add(endpoints, paths.getTokenIntrospectionEndpoint(), limits.introspection(), false, clock);
    add(endpoints, paths.getTokenRevocationEndpoint(), limits.revocation(), false, clock);
    return new EndpointRateLimits(List.copyOf(endpoints));
  }

  private static void add(List<Endpoint> endpoints, String path, RateLimit limit, boolean successIsFree,
      Clock clock) {
    if (limit.enable()) {
      endpoints.add(new Endpoint(PathPatternRequestMatcher.pathPattern(path),
          new ClientRateLimiter(limit.buckets(), MAX_CLIENTS, clock), successIsFree));
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Endpoint endpoint = endpoints.stream().filter(e -> e.path().matches(request)).findFirst().orElse(null);
    if (endpoint == null) {
      chain.doFilter(request, response);
      return;
    }
    String client = ClientAddress.of(request.getRemoteAddr());
    Duration wait = endpoint.limiter().admit(client);
    if (!wait.isZero()) {
      log.debug("Rate limit of {} reached by {}; retry in {}", request.getRequestURI(), client, wait);
      tooManyRequests(response, wait);
      return;
    }
    chain.doFilter(request, response);
    if (endpoint.successIsFree() && response.getStatus() == HttpServletResponse.SC_OK) {
      endpoint.limiter().refund(client);
    }
  }

  private static void tooManyRequests(HttpServletResponse response, Duration wait) throws IOException {
    response.setStatus(429);
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader(HttpHeaders.PRAGMA, "no-cache");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(TOO_MANY_REQUESTS.length);
    response.getOutputStream().write(TOO_MANY_REQUESTS);
  }
}
