package dev.gatehouse.session;

import dev.gatehouse.signin.AuthenticationMethods;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code session.expiration}: a sign-in lasts at most that long after its first factor, however
 * active the user is ({@code inactivity} ends it sooner when they are not); {@code remember_me}
 * long when the user asked to be remembered. A session past it is ended before anything reads it,
 * so the request goes on as a stranger's and meets the login page.
 */
final class SessionExpiration extends OncePerRequestFilter {

  private final Duration expiration;
  private final Duration rememberMe;
  private final Clock clock;

  SessionExpiration(Duration expiration, Duration rememberMe, Clock clock) {
    this.expiration = expiration;
    this.rememberMe = rememberMe;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Duration lifetime = RememberMe.asked(session) ? rememberMe : expiration;
      if (signedInAt(session).filter(at -> Duration.between(at, clock.instant()).compareTo(lifetime) > 0)
          .isPresent()) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }

  private static Optional<Instant> signedInAt(HttpSession session) {
    Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    return context instanceof SecurityContext security && security.getAuthentication() != null
        ? AuthenticationMethods.firstFactorAt(security.getAuthentication().getAuthorities()) : Optional.empty();
  }
}
