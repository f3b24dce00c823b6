package dev.gatehouse.oidc.logout;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Where the browser goes once the session has ended (RP-Initiated Logout 1.0 sections 2 and 3).
 * Only to a {@code post_logout_redirect_uri} registered, character for character, for the client
 * the request identifies, with {@code state} appended; otherwise nowhere, so that the endpoint can
 * never serve as an open redirect, and Gatehouse shows its own signed-out page.
 */
final class PostLogoutRedirects {

  private final RegisteredClientRepository clients;

  PostLogoutRedirects(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  /**
   * The redirect for a request whose {@code id_token_hint}, if any, was verified. A request whose
   * {@code client_id} is not an audience of its hint is refused whether it asks for a redirect
   * or not: the two name different clients, so at least one of them is not genuine.
   */
  Optional<String> destination(EndSessionRequest request, Optional<IdTokenHint> hint) {
    Optional<String> clientId = identifiedClient(request, hint);
    String requested = request.postLogoutRedirectUri();
    RegisteredClient client = clientId.map(clients::findByClientId).orElse(null);
    if (requested == null || client == null || !client.getPostLogoutRedirectUris().contains(requested)) {
      return Optional.empty();
    }
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(requested);
    if (request.state() != null) {
      uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(request.state(), StandardCharsets.UTF_8));
    }
    return Optional.of(uri.build(true).toUriString());
  }

  private static Optional<String> identifiedClient(EndSessionRequest request, Optional<IdTokenHint> hint) {
    String clientId = request.clientId();
    if (clientId == null) {
      return hint.flatMap(IdTokenHint::soleAudience);
    }
    if (hint.isPresent() && !hint.get().audience().contains(clientId)) {
      throw new InvalidEndSessionRequest("client_id is not the client the id_token_hint was issued to");
    }
    return Optional.of(clientId);
  }
}
