package dev.gatehouse.session;

import dev.gatehouse.config.schema.SessionConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * {@code session.remember_me}, as Authelia's "Remember me": a user who ticks the box on the login
 * page keeps their sign-in for {@code remember_me} from the password, closing the browser or not,
 * and is not signed out for inactivity. Without it, the cookie ends with the browser, the session
 * after {@code inactivity} without a request and the sign-in after {@code expiration}.
 */
public final class RememberMe implements AuthenticationSuccessHandler {

  /** The login form's checkbox. */
  public static final String PARAMETER = "remember_me";
  private static final String SESSION_ATTRIBUTE = RememberMe.class.getName();

  private final SessionConfig session;
  private final AuthenticationSuccessHandler next;

  /** Marks the session when the box was ticked (and offered), then goes on as {@code next}. */
  public RememberMe(SessionConfig session, AuthenticationSuccessHandler next) {
    this.session = session;
    this.next = next;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, ServletException {
    if (session.rememberMeOffered() && "on".equals(request.getParameter(PARAMETER))) {
      HttpSession remembered = request.getSession();
      remembered.setAttribute(SESSION_ATTRIBUTE, Boolean.TRUE);
      remembered.setMaxInactiveInterval((int) session.rememberMe().toSeconds());
    }
    next.onAuthenticationSuccess(request, response, authentication);
  }

  static boolean asked(HttpSession session) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE));
  }
}
