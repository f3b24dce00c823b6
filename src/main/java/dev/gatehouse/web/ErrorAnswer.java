package dev.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;

/**
 * Answers written by Gatehouse's own servlet filters, outside Spring MVC: an OAuth error as JSON
 * to API clients, a short page to people. Neither says more than what went wrong in general.
 */
public enum ErrorAnswer {

  UNREADABLE_REQUEST(HttpServletResponse.SC_BAD_REQUEST, "invalid_request",
      "The request could not be read", "Request not understood",
      "Gatehouse could not read this request. Go back and try again."),
  STORAGE_UNAVAILABLE(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable",
      "Storage is unavailable, try again in a few seconds", "Gatehouse is unavailable",
      "Gatehouse cannot reach its storage just now. Nothing was lost: try again in a few seconds."),
  DIRECTORY_UNAVAILABLE(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable",
      "The user directory is unavailable, try again in a few seconds", "Sign-in is unavailable",
      "Gatehouse cannot reach the user directory just now. Try again in a few seconds."),
  UNKNOWN_HOST(HttpServletResponse.SC_BAD_REQUEST, "invalid_request",
      "Gatehouse does not answer at this address", "Unknown address",
      "Gatehouse is not set up to answer at this address. Use the address of your sign-in page."),
  FORGED_FORM(HttpServletResponse.SC_FORBIDDEN, "access_denied",
      "The form was not sent from Gatehouse's own page", "Form refused",
      "This form did not come from Gatehouse's own page, or the page was open for too long, so nothing was"
          + " done. Go back to the application and sign in again.");

  private static final OAuth2ErrorHttpMessageConverter OAUTH_ERRORS = new OAuth2ErrorHttpMessageConverter();
  /** Seconds a client should wait before retrying a 503. */
  static final int RETRY_AFTER_SECONDS = 5;
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>%s · Gatehouse</title></head>
      <body><main><h1>%s</h1><p>%s</p></main></body></html>
      """;

  private final int status;
  private final String error;
  private final String description;
  private final String title;
  private final String explanation;

  ErrorAnswer(int status, String error, String description, String title, String explanation) {
    this.status = status;
    this.error = error;
    this.description = description;
    this.title = title;
    this.explanation = explanation;
  }

  /** Replaces whatever the response held so far, headers included, with this answer. */
  public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.reset();
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
    if (wantsJson(request)) {
      OAUTH_ERRORS.write(new OAuth2Error(error, description, null), MediaType.APPLICATION_JSON,
          new ServletServerHttpResponse(response));
    } else {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      response.getWriter().write(PAGE.formatted(title, title, explanation));
    }
  }

  /**
   * API clients get JSON, at the API paths and the JSON documents. A browser sent to an API path
   * (the authorization and end-session endpoints) asks for HTML, and a person reads the answer, so
   * it gets the page.
   */
  private static boolean wantsJson(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    boolean api = path.startsWith("/api/") || path.startsWith("/.well-known/") || path.equals("/jwks.json");
    return api && (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE));
  }
}
