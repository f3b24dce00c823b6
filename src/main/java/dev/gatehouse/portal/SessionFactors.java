package dev.gatehouse.portal;

import dev.gatehouse.signin.AuthenticationMethods;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/** Adds a proven second factor to the login in the session, and sends the user on. */
public class SessionFactors {

  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final RequestCache requestCache;
  private final Clock clock;

  public SessionFactors(RequestCache requestCache, Clock clock) {
    this.requestCache = requestCache;
    this.clock = clock;
  }

  public void addTotp(HttpServletRequest request, HttpServletResponse response) {
    addSecondFactor(AuthenticationMethods.TOTP_AUTHORITY, List.of(), request, response);
  }

  /** A security key or passkey, with what it told of itself ({@code amr} {@code hwk}, {@code pin}, …). */
  public void addWebAuthn(boolean hardware, boolean userPresent, boolean userVerified, HttpServletRequest request,
      HttpServletResponse response) {
    addSecondFactor(AuthenticationMethods.WEBAUTHN_AUTHORITY,
        AuthenticationMethods.keyDetails(hardware, userPresent, userVerified), request, response);
  }

  /** The session id changes with every factor, so a session id seen before it is worth nothing. */
  private void addSecondFactor(String factor, List<String> details, HttpServletRequest request,
      HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
    authorities.removeIf(authority -> factor.equals(authority.getAuthority())
        || !details.isEmpty() && AuthenticationMethods.isKeyDetail(authority));
    authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build());
    details.forEach(detail -> authorities.add(new SimpleGrantedAuthority(detail)));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null,
        authorities));
    request.changeSessionId();
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  /** Back to the authorization request that sent the user here, or to the portal home. */
  public String continueUrl(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = requestCache.getRequest(request, response);
    if (saved == null) {
      return "/";
    }
    requestCache.removeRequest(request, response);
    return saved.getRedirectUrl();
  }
}
