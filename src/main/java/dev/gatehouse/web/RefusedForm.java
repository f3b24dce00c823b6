package dev.gatehouse.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form posted without the CSRF token of the page it came from (forged, or from a session that
 * has ended since) gets a page that says what happened, instead of a bare 403.
 */
public final class RefusedForm implements AccessDeniedHandler {

  private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (denied instanceof CsrfException) {
      ErrorAnswer.FORGED_FORM.send(request, response);
    } else {
      otherwise.handle(request, response, denied);
    }
  }
}
