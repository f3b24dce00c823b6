package dev.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with a 400 a request whose parameters cannot be decoded: broken percent-encoding,
 * invalid UTF-8, too many parameters, a body cut short. Tomcat reports such a request by throwing
 * from every {@code getParameter} call (Servlet 6.1), wherever it is made; left to the endpoints,
 * that became a 500 at some and a logged stack trace at all.
 */
final class UnreadableRequestFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParameterMap();
    } catch (IllegalStateException unreadable) {
      log.debug("Refused an unreadable request to {}: {}", request.getRequestURI(), unreadable.getMessage());
      // A body that broke off while being read (bad chunks, shorter than announced) has already
      // been answered 400 by Tomcat, which then allows no other answer.
      if (!response.isCommitted()) {
        ErrorAnswer.UNREADABLE_REQUEST.send(request, response);
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
