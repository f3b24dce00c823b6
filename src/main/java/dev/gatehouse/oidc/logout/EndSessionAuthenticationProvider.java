package dev.gatehouse.oidc.logout;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/** Checks a logout request and decides where the browser goes once the session has ended. */
final class EndSessionAuthenticationProvider implements AuthenticationProvider {

  private final IdTokenHintVerifier hints;
  private final PostLogoutRedirects redirects;

  EndSessionAuthenticationProvider(IdTokenHintVerifier hints, PostLogoutRedirects redirects) {
    this.hints = hints;
    this.redirects = redirects;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    EndSessionRequest request = ((EndSessionAuthentication) authentication).request();
    Optional<IdTokenHint> hint = Optional.ofNullable(request.idTokenHint()).map(hints::verify);
    return EndSessionAuthentication.checked(request, redirects.destination(request, hint));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return EndSessionAuthentication.class.isAssignableFrom(authentication);
  }
}
