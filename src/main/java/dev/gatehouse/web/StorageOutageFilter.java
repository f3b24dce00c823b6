package dev.gatehouse.web;

import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.storage.StorageOutages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a request that failed because storage is out of reach into a 503 with Retry-After, rather
 * than the 500 it would become wherever it happened: in a Spring Authorization Server endpoint,
 * the bearer token lookup or a portal page. The connection pool replaces dead connections by
 * itself, so the outage ends when the database is back, and the answer says to try again. So
 * does a user directory (LDAP) that cannot answer, whose connections also recover by themselves.
 */
final class StorageOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(StorageOutageFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      if (response.isCommitted()) {
        throw failure;
      }
      Optional<Throwable> directoryOutage =
          StorageOutages.cause(failure, DirectoryUnavailableException.class::isInstance);
      Optional<Throwable> outage = StorageOutages.find(failure);
      if (directoryOutage.isPresent()) {
        log.warn("The user directory is unavailable, answered 503 to {} {}: {}", request.getMethod(),
            request.getRequestURI(), directoryOutage.get().getMessage());
        ErrorAnswer.DIRECTORY_UNAVAILABLE.send(request, response);
      } else if (outage.isPresent()) {
        log.warn("Storage is unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
            outage.get().getMessage());
        ErrorAnswer.STORAGE_UNAVAILABLE.send(request, response);
      } else {
        throw failure;
      }
    }
  }
}
