package dev.gatehouse.oidc.authorize;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.Network;
import dev.gatehouse.config.schema.PolicyLevel;
import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.clients.ClientPolicy;
import dev.gatehouse.oidc.tokens.ClaimsRequest;
import dev.gatehouse.oidc.tokens.IdTokenSignatures;
import dev.gatehouse.regulation.ClientAddress;
import dev.gatehouse.signin.AuthenticationMethods;
import dev.gatehouse.signin.SignInPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the authorization endpoint and makes sure the user has proven what the client's
 * {@code authorization_policy} and the request's {@code prompt}, {@code max_age} and
 * {@code id_token_hint} demand ({@link LoginRequirement}). No code can be issued past it without
 * those factors, whatever path the browser took to get here.
 */
public final class AuthorizationRequestGate extends OncePerRequestFilter {

  /** Session attribute: the request the gate last sent the user to sign in for, and when. */
  static final String LOGIN_ASKED = AuthorizationRequestGate.class.getName() + ".loginAsked";
  /** Authelia's words for a user its policy denies. */
  private static final String DENIED_DESCRIPTION = "The resource owner or authorization server denied the request."
      + " The user was denied access to this client.";

  private final RequestMatcher authorizationEndpoint;
  private final RegisteredClientRepository clients;
  private final RequestCache requestCache;
  private final AuthorizationResponses responses;
  private final IdTokenSignatures hints;
  private final SubjectIdentifiers subjects;
  private final UserDirectory users;
  private final Clock clock;

  public AuthorizationRequestGate(RequestMatcher authorizationEndpoint, RegisteredClientRepository clients,
      RequestCache requestCache, AuthorizationResponses responses, IdTokenSignatures hints,
      SubjectIdentifiers subjects, UserDirectory users, Clock clock) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.clients = clients;
    this.requestCache = requestCache;
    this.responses = responses;
    this.hints = hints;
    this.subjects = subjects;
    this.users = users;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !authorizationEndpoint.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String clientId = single(request, OAuth2ParameterNames.CLIENT_ID);
    RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
    Duration maxAge;
    try {
      maxAge = maxAge(request);
    } catch (NumberFormatException e) {
      responses.sendError(request, response, new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "max_age must be a non-negative number of seconds", null));
      return;
    }
    if (client == null) {
      // Spring Authorization Server reports the unknown client without redirecting.
      chain.doFilter(request, response);
      return;
    }
    rememberLoginHint(request);
    HttpSession session = request.getSession();
    Authentication current = signedIn();
    Instant now = clock.instant();
    String requestKey = LoginAsked.keyOf(request.getParameterMap());
    Set<String> prompt = prompt(request);
    LoginRequirement requirement = new LoginRequirement(requiredOf(client, current, request), prompt, maxAge,
        current == null ? null : AuthenticationMethods.firstFactorAt(current.getAuthorities()).orElse(null),
        current == null ? null : AuthenticationMethods.authenticatedAt(current.getAuthorities()).orElse(null),
        current != null && AuthenticationMethods.hasTwoFactors(current.getAuthorities()),
        LoginAsked.forRequest(session.getAttribute(LOGIN_ASKED), requestKey), hint(request, current));
    LoginRequirement.Outcome outcome = requirement.decide(now);
    if (outcome.answersTheClient() && requirement.loginAskedAt() != null) {
      session.removeAttribute(LOGIN_ASKED);
    }
    switch (outcome) {
      case PROCEED -> chain.doFilter(request, response);
      case LOGIN -> {
        session.setAttribute(LOGIN_ASKED, new LoginAsked(requestKey, now));
        redirectSaving(request, response, SignInPages.LOGIN);
      }
      case LOGIN_AGAIN -> {
        session.setAttribute(LOGIN_ASKED, new LoginAsked(requestKey, now));
        SecurityContextHolder.clearContext();
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        redirectSaving(request, response, SignInPages.LOGIN);
      }
      case SECOND_FACTOR -> redirectSaving(request, response, SignInPages.SECOND_FACTOR);
      case LOGIN_REQUIRED -> responses.sendError(request, response,
          new OAuth2Error("login_required", "The user must sign in", null));
      case INTERACTION_REQUIRED -> responses.sendError(request, response,
          new OAuth2Error("interaction_required", "The user must prove a second factor", null));
      case DENIED -> deny(request, response, client, prompt);
    }
  }

  /**
   * What the client's policy asks of the signed-in user, from where the request came; when
   * nobody is signed in, the answer is to sign in whatever it is. A user removed or disabled in
   * the users file since signing in is denied every client.
   */
  private PolicyLevel requiredOf(RegisteredClient client, Authentication current, HttpServletRequest request) {
    AuthorizationPolicy policy = ClientPolicy.of(client).authorization();
    if (current == null) {
      return policy.defaultPolicy();
    }
    Optional<User> user = users.find(current.getName());
    if (user.isEmpty()) {
      return PolicyLevel.DENY;
    }
    InetAddress address = Network.address(ClientAddress.of(request.getRemoteAddr())).orElse(null);
    return policy.levelFor(new AuthorizationPolicy.Subject(current.getName(), user.get().groups(), address));
  }

  /**
   * A page for the user, who stays signed in; the client hears of it only if they go back, or at
   * once for prompt=none.
   */
  private void deny(HttpServletRequest request, HttpServletResponse response, RegisteredClient client,
      Set<String> prompt) throws IOException, ServletException {
    OAuth2Error denied = new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, DENIED_DESCRIPTION, null);
    if (prompt.contains("none")) {
      responses.sendError(request, response, denied);
    } else {
      responses.showDenial(request, response, client.getClientName(), denied);
    }
  }

  /**
   * The users the request names, an {@code id_token_hint} (OpenID Connect Core 3.1.2.2) or a
   * {@code sub} value in the claims parameter (5.5.1), against the signed-in user: a hint that is
   * not an ID token Gatehouse signed names nobody who may be signed in.
   */
  private LoginRequirement.Hint hint(HttpServletRequest request, Authentication current) {
    List<Optional<String>> named = new ArrayList<>();
    String idTokenHint = single(request, "id_token_hint");
    if (idTokenHint != null) {
      named.add(hints.verify(idTokenHint).map(JWTClaimsSet::getSubject));
    }
    String claims = single(request, ClaimsRequest.PARAMETER);
    if (claims != null) {
      ClaimsRequest.readOrNone(claims).requiredSubject().ifPresent(subject -> named.add(Optional.of(subject)));
    }
    if (named.isEmpty()) {
      return LoginRequirement.Hint.ABSENT;
    }
    String signedIn = current == null ? null : subjects.subjectOf(current.getName());
    return named.stream().allMatch(subject -> subject.isPresent() && subject.get().equals(signedIn))
        ? LoginRequirement.Hint.SIGNED_IN_USER : LoginRequirement.Hint.SOMEONE_ELSE;
  }

  private void redirectSaving(HttpServletRequest request, HttpServletResponse response, String page)
      throws IOException {
    boolean postedRequest = "POST".equals(request.getMethod())
        && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) != null;
    requestCache.saveRequest(postedRequest ? new GetEquivalentRequest(request) : request, response);
    response.sendRedirect(request.getContextPath() + page);
  }

  private static void rememberLoginHint(HttpServletRequest request) {
    String hint = single(request, "login_hint");
    if (hint != null && !hint.isBlank() && hint.length() <= 200) {
      request.getSession().setAttribute(SignInPages.LOGIN_HINT, hint);
    }
  }

  private static Authentication signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated() ? null : authentication;
  }

  private static Set<String> prompt(HttpServletRequest request) {
    String prompt = single(request, "prompt");
    return prompt == null ? Set.of() : Arrays.stream(prompt.split(" ")).filter(v -> !v.isEmpty())
        .collect(Collectors.toSet());
  }

  private static Duration maxAge(HttpServletRequest request) {
    String maxAge = single(request, "max_age");
    if (maxAge == null) {
      return null;
    }
    long seconds = Long.parseLong(maxAge);
    if (seconds < 0) {
      throw new NumberFormatException("negative max_age");
    }
    return Duration.ofSeconds(seconds);
  }

  private static String single(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values != null && values.length == 1 ? values[0] : null;
  }
}
