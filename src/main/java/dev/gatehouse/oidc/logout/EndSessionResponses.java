package dev.gatehouse.oidc.logout;

import dev.gatehouse.storage.StorageOutages;
import dev.gatehouse.telemetry.Audit;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * Answers of the end-session endpoint. A valid request ends the Gatehouse session in this browser,
 * if there is one, then sends the browser to the client's registered post-logout URI or to the
 * signed-out page. An invalid one ends nothing and is shown to the user as an error page.
 */
public final class EndSessionResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  /** Where every sign-out ends unless the application takes the user back; the portal's too. */
  public static final String SIGNED_OUT_PAGE = "/signed-out";
  /** The portal page that shows why a logout request was refused. */
  public static final String ERROR_PAGE = "/error/logout";
  public static final String ERROR_ATTRIBUTE = EndSessionResponses.class.getName() + ".error";

  /** Invalidates the HTTP session and clears the security context, as the portal's logout does. */
  private final LogoutHandler sessionEnd = new SecurityContextLogoutHandler();
  private final RedirectStrategy redirects = new DefaultRedirectStrategy();

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    var checked = (EndSessionAuthentication) authentication;
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    // The session ends whoever is signed in: a request without any parameter must end it too.
    sessionEnd.logout(request, response, null);
    Audit.logout(signedIn == null ? null : signedIn.getName(), (String) checked.getPrincipal());
    redirects.sendRedirect(request, response, checked.postLogoutRedirect().orElse(SIGNED_OUT_PAGE));
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException, ServletException {
    StorageOutages.rethrow(exception);
    request.setAttribute(ERROR_ATTRIBUTE, ((OAuth2AuthenticationException) exception).getError());
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
  }
}
