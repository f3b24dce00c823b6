package dev.gatehouse.session;

import dev.gatehouse.config.schema.SessionConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: {@code session.name}, {@code same_site}, HttpOnly, Secure on https, for this
 * host only. It lasts as long as the browser, unless the user asked to be remembered: then it is
 * kept {@code remember_me}, renewed with the session id at each factor.
 */
final class SessionCookie implements CookieSerializer {

  private final DefaultCookieSerializer cookies = new DefaultCookieSerializer();
  private final Duration rememberMe;

  SessionCookie(SessionConfig session) {
    cookies.setCookieName(session.name());
    cookies.setSameSite(capitalized(session.sameSite()));
    cookies.setUseHttpOnlyCookie(true);
    this.rememberMe = session.rememberMe();
  }

  @Override
  public void writeCookieValue(CookieValue cookie) {
    if (!cookie.getCookieValue().isEmpty() && RememberMe.asked(cookie.getRequest().getSession(false))) {
      cookie.setCookieMaxAge((int) rememberMe.toSeconds());
    }
    cookies.writeCookieValue(cookie);
  }

  @Override
  public List<String> readCookieValues(HttpServletRequest request) {
    return cookies.readCookieValues(request);
  }

  private static String capitalized(String sameSite) {
    return Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1);
  }
}
