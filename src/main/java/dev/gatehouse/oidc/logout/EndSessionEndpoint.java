package dev.gatehouse.oidc.logout;

import dev.gatehouse.oidc.rules.StorageOutageGuard;
import dev.gatehouse.oidc.tokens.IdTokenSignatures;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OidcLogoutEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Spring Authorization Server's logout endpoint (GET and POST) with Gatehouse's reading, checks and
 * answers in place of Spring's, which insist on an {@code id_token_hint} that LibreChat often does
 * not send.
 */
public final class EndSessionEndpoint implements Customizer<OidcLogoutEndpointConfigurer> {

  private final AuthenticationConverter reader =
      request -> EndSessionAuthentication.requested(EndSessionRequest.from(request.getParameterMap()));
  private final AuthenticationProvider checks;
  private final EndSessionResponses responses = new EndSessionResponses();

  public EndSessionEndpoint(IdTokenSignatures signatures, OAuth2AuthorizationService authorizations,
      RegisteredClientRepository clients) {
    this.checks = new EndSessionAuthenticationProvider(new IdTokenHintVerifier(signatures, authorizations),
        new PostLogoutRedirects(clients));
  }

  @Override
  public void customize(OidcLogoutEndpointConfigurer endpoint) {
    endpoint
        .logoutRequestConverters(converters -> {
          converters.clear();
          converters.add(reader);
        })
        .authenticationProviders(providers -> {
          providers.clear();
          providers.add(new StorageOutageGuard(checks));
        })
        .logoutResponseHandler(responses)
        .errorResponseHandler(responses);
  }
}
