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
    addFactor(AuthenticationMethods.TOTP_AUTHORITY, List.of(), request, response);
  }

  /** The password, asked after a passkey sign-in for a client that wants two factors. */
  public void addPassword(HttpServletRequest request, HttpServletResponse response) {
    addFactor(FactorGrantedAuthority.PASSWORD_AUTHORITY, List.of(), request, response);
  }

  /** A security key or passkey, with what it told of itself ({@code amr} {@code hwk}, {@code pin}, …). */
  public void addWebAuthn(KeyUse key, HttpServletRequest request, HttpServletResponse response) {
    addFactor(AuthenticationMethods.WEBAUTHN_AUTHORITY, key.details(), request, response);
  }

  /**
   * Signs {@code username} in with a passkey: one factor, or two where {@code verifiedCountsTwice}
   * (Authelia's {@code experimental_enable_passkey_uv_two_factors}) and the user was verified.
   */
  public Authentication signInWithPasskey(String username, KeyUse key, boolean verifiedCountsTwice,
      HttpServletRequest request, HttpServletResponse response) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(factor(AuthenticationMethods.WEBAUTHN_AUTHORITY));
    key.details().forEach(detail -> authorities.add(new SimpleGrantedAuthority(detail)));
    if (verifiedCountsTwice && key.userVerified()) {
      authorities.add(new SimpleGrantedAuthority(AuthenticationMethods.VERIFIED_PASSKEY));
    }
    return establish(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities), request,
        response);
  }

  private void addFactor(String factor, List<String> details, HttpServletRequest request,
      HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
    authorities.removeIf(authority -> factor.equals(authority.getAuthority())
        || !details.isEmpty() && AuthenticationMethods.isKeyDetail(authority));
    authorities.add(factor(factor));
    details.forEach(detail -> authorities.add(new SimpleGrantedAuthority(detail)));
    establish(UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities), request,
        response);
  }

  private GrantedAuthority factor(String factor) {
    return FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build();
  }

  /** The session id changes with every factor, so a session id seen before it is worth nothing. */
  private Authentication establish(Authentication authentication, HttpServletRequest request,
      HttpServletResponse response) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    request.getSession();
    request.changeSessionId();
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return authentication;
  }

  /** What a security key or passkey told of itself when it signed: kept for {@code amr}. */
  public record KeyUse(boolean hardware, boolean userPresent, boolean userVerified) {

    List<String> details() {
      return AuthenticationMethods.keyDetails(hardware, userPresent, userVerified);
    }
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
