package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.List;

/** {@code session}: the portal's login session cookie. */
public record SessionConfig(
    String name,
    String sameSite,
    Duration inactivity,
    Duration expiration,
    Duration rememberMe,
    List<Cookie> cookies) {

  /** {@code session.cookies[]}: a cookie domain and the Gatehouse URL inside it. */
  public record Cookie(String domain, String autheliaUrl, String defaultRedirectionUrl) {
  }
}
