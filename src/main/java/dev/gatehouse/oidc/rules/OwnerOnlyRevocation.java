package dev.gatehouse.oidc.rules;

import dev.gatehouse.telemetry.Audit;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Revocation of another client's token does nothing and answers {@code 200}, as for an unknown
 * token (RFC 7009 section 2.2). SAS answers {@code 401 invalid_client}, which would tell the caller
 * that the token is live for some other client.
 */
public final class OwnerOnlyRevocation extends ProviderDecorator {

  private final OAuth2AuthorizationService authorizations;

  private OwnerOnlyRevocation(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations) {
    super(delegate);
    this.authorizations = authorizations;
  }

  /** Wraps SAS's revocation provider among the revocation endpoint's providers. */
  public static void install(List<AuthenticationProvider> providers, OAuth2AuthorizationService authorizations) {
    decorate(providers, OAuth2TokenRevocationAuthenticationProvider.class,
        provider -> new OwnerOnlyRevocation(provider, authorizations));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var request = (OAuth2TokenRevocationAuthenticationToken) authentication;
    RegisteredClient caller = request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        ? client.getRegisteredClient() : null;
    OAuth2Authorization authorization = caller == null ? null : authorizations.findByToken(request.getToken(), null);
    if (authorization != null && !authorization.getRegisteredClientId().equals(caller.getId())) {
      // The request itself, unauthenticated, is what SAS returns for a token it does not know.
      return request;
    }
    Authentication revoked = delegate.authenticate(authentication);
    if (authorization != null) {
      Audit.revocation(caller.getClientId(), authorization.getPrincipalName());
    }
    return revoked;
  }
}
