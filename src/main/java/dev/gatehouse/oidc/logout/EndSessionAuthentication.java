package dev.gatehouse.oidc.logout;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A logout request passing through Spring Authorization Server's logout endpoint filter: first as
 * read, then as checked, carrying where the browser goes afterwards. Gatehouse's own type because
 * Spring's cannot be built without an {@code id_token_hint}.
 */
final class EndSessionAuthentication extends AbstractAuthenticationToken {

  private final EndSessionRequest request;
  private final String postLogoutRedirect;

  private EndSessionAuthentication(EndSessionRequest request, String postLogoutRedirect, boolean checked) {
    super(List.of());
    this.request = request;
    this.postLogoutRedirect = postLogoutRedirect;
    setAuthenticated(checked);
  }

  static EndSessionAuthentication requested(EndSessionRequest request) {
    return new EndSessionAuthentication(request, null, false);
  }

  static EndSessionAuthentication checked(EndSessionRequest request, Optional<String> postLogoutRedirect) {
    return new EndSessionAuthentication(request, postLogoutRedirect.orElse(null), true);
  }

  EndSessionRequest request() {
    return request;
  }

  Optional<String> postLogoutRedirect() {
    return Optional.ofNullable(postLogoutRedirect);
  }

  /** The client the request names, if it names one. */
  @Override
  public Object getPrincipal() {
    return request.clientId();
  }

  @Override
  public Object getCredentials() {
    return request.idTokenHint();
  }
}
