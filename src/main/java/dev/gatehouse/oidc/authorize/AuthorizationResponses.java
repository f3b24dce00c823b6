package dev.gatehouse.oidc.authorize;

import dev.gatehouse.oidc.consent.ConsentForm;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Answers of the authorization endpoint. Both carry the RFC 9207 {@code iss} parameter. An error
 * whose redirect URI is unknown or untrusted is shown to the user as a page, never redirected.
 */
public final class AuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private final RegisteredClientRepository clients;

  public AuthorizationResponses(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  /** The portal page that shows an error that must not be sent to the client. */
  public static final String ERROR_PAGE = "/error/authorization";
  public static final String ERROR_ATTRIBUTE = AuthorizationResponses.class.getName() + ".error";
  private static final String SAS_PARAMETER_DESCRIPTION = "OAuth 2.0 Parameter";
  /** The portal page that tells a user the client's policy does not let them in. */
  public static final String DENIED_PAGE = "/error/denied";
  public static final String DENIAL_ATTRIBUTE = AuthorizationResponses.class.getName() + ".denial";

  /** What the denied page shows: the client's name, and where "go back" leads, if anywhere. */
  public record Denial(String clientName, String returnTo) {
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    var result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
        .queryParam(OAuth2ParameterNames.CODE, result.getAuthorizationCode().getTokenValue());
    response.sendRedirect(withStateAndIssuer(uri, result.getState()));
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException, ServletException {
    var failure = (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
    var attempted = failure.getAuthorizationCodeRequestAuthentication();
    Optional<ErrorDestination> destination = attempted != null && StringUtils.hasText(attempted.getRedirectUri())
        ? Optional.of(new ErrorDestination(attempted.getRedirectUri(), attempted.getState()))
        : registeredDestination(request);
    send(request, response, failure.getError(), destination);
  }

  /** Sends an error found by Gatehouse itself, to the client when its redirect URI is trusted. */
  public void sendError(HttpServletRequest request, HttpServletResponse response, OAuth2Error error)
      throws IOException, ServletException {
    send(request, response, error, registeredDestination(request));
  }

  private void send(HttpServletRequest request, HttpServletResponse response, OAuth2Error error,
      Optional<ErrorDestination> destination) throws IOException, ServletException {
    if (destination.isEmpty()) {
      request.setAttribute(ERROR_ATTRIBUTE, error);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
      return;
    }
    response.sendRedirect(errorRedirect(error, destination.get()));
  }

  /**
   * Tells the user the client's policy does not let them in, on a page from which they may go
   * back to the client with {@code error}; the client hears nothing until they do.
   */
  public void showDenial(HttpServletRequest request, HttpServletResponse response, String clientName,
      OAuth2Error error) throws IOException, ServletException {
    request.setAttribute(DENIAL_ATTRIBUTE, new Denial(clientName, errorRedirect(request, error).orElse(null)));
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    request.getRequestDispatcher(DENIED_PAGE).forward(request, response);
  }

  /**
   * Where the browser goes to bring {@code error} to the client, when the request's redirect URI
   * is trusted: for a page that lets the user choose to go back.
   */
  public Optional<String> errorRedirect(HttpServletRequest request, OAuth2Error error) {
    return registeredDestination(request).map(destination -> errorRedirect(error, destination));
  }

  private static String errorRedirect(OAuth2Error error, ErrorDestination destination) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(destination.redirectUri())
        .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
    String description = error.getDescription();
    if (OAuth2ErrorCodes.ACCESS_DENIED.equals(error.getErrorCode()) && description != null
        && description.startsWith(SAS_PARAMETER_DESCRIPTION)) {
      // SAS names the parameter it checked last, which reads as if the client were at fault.
      description = "The user denied the request";
    }
    if (StringUtils.hasText(description)) {
      uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(description));
    }
    return withStateAndIssuer(uri, destination.state());
  }

  /**
   * Where an error found before the request was fully parsed may go (RFC 6749 4.1.2.1): only to
   * a redirect URI registered for a client named exactly once; otherwise nowhere.
   */
  private Optional<ErrorDestination> registeredDestination(HttpServletRequest request) {
    if (ConsentForm.isSubmission(request)) {
      // Its state is the one SAS made for the consent page, meaningless to the client; SAS
      // itself never sends such errors on, and a resubmitted consent form must not either.
      return Optional.empty();
    }
    String clientId = single(request, OAuth2ParameterNames.CLIENT_ID);
    RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
    if (client == null) {
      return Optional.empty();
    }
    String[] redirectUris = request.getParameterValues(OAuth2ParameterNames.REDIRECT_URI);
    String redirectUri;
    if (redirectUris == null && client.getRedirectUris().size() == 1) {
      redirectUri = client.getRedirectUris().iterator().next();
    } else if (redirectUris != null && redirectUris.length == 1 && client.getRedirectUris().contains(redirectUris[0])) {
      redirectUri = redirectUris[0];
    } else {
      return Optional.empty();
    }
    return Optional.of(new ErrorDestination(redirectUri, single(request, OAuth2ParameterNames.STATE)));
  }

  private static String single(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values != null && values.length == 1 ? values[0] : null;
  }

  private record ErrorDestination(String redirectUri, String state) {
  }

  private static String withStateAndIssuer(UriComponentsBuilder uri, String state) {
    if (StringUtils.hasText(state)) {
      uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
    }
    uri.queryParam("iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
    return uri.build(true).toUriString();
  }

  private static String encode(String value) {
    return UriUtils.encode(value, StandardCharsets.UTF_8);
  }
}
