package dev.gatehouse.web;

import dev.gatehouse.health.HealthController;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 400} to a request for an address Gatehouse is not configured at
 * ({@link IssuerHosts}), before anything builds a URL from it: a forged {@code Host} or
 * {@code X-Forwarded-Host} gets no discovery document, redirect, page or token naming that host
 * as the issuer. The container has applied the trusted proxy's forwarded headers by then. Health
 * checks are answered at any address, since orchestrators probe by IP.
 */
final class UnknownHostFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UnknownHostFilter.class);
  /** Distinct refused addresses worth a warning each; any further one is logged at debug only. */
  private static final int WARNED_ORIGINS = 32;

  private final IssuerHosts hosts;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  UnknownHostFilter(IssuerHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !hosts.restricts() || HealthController.LIVENESS.equals(path) || HealthController.READINESS.equals(path);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IssuerHosts.Origin origin = IssuerHosts.Origin.of(request);
    if (hosts.allows(origin)) {
      chain.doFilter(request, response);
      return;
    }
    String refused = origin.toString();
    if (warned.size() < WARNED_ORIGINS && warned.add(refused)) {
      log.warn("Refused a request for {}, which is not a configured session.cookies[].authelia_url ({}); if it is"
          + " Gatehouse's address, the reverse proxy must send it in X-Forwarded-Proto and X-Forwarded-Host",
          refused, hosts.configured());
    } else {
      log.debug("Refused a request for {}", refused);
    }
    ErrorAnswer.UNKNOWN_HOST.send(request, response);
  }
}
