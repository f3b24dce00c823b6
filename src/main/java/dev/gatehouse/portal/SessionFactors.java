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

  /** The session id changes with every factor, so a session id seen before it is worth nothing. */
  public void addTotp(HttpServletRequest request, HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
    authorities.removeIf(authority -> AuthenticationMethods.TOTP_AUTHORITY.equals(authority.getAuthority()));
    authorities.add(FactorGrantedAuthority.withAuthority(AuthenticationMethods.TOTP_AUTHORITY)
        .issuedAt(clock.instant()).build());
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
