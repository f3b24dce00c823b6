package dev.gatehouse.oidc.rules;

import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.PolicyLevel;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.clients.ClientPolicy;
import dev.gatehouse.oidc.grants.DatabaseAuthorizationService;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The client's authorization policy, asked again at each refresh (Authelia asks only at
 * authorization): a user who has left the group the policy lets in, or who was removed or
 * disabled, gets {@code invalid_grant}, and the grant is revoked with its access token.
 *
 * <p>A refresh comes from the relying party, not from the user, so rules that name networks do
 * not match here: the networks were asked about when the user authorized.
 */
public final class PolicyOnRefresh extends ProviderDecorator {

  private static final Logger log = LoggerFactory.getLogger(PolicyOnRefresh.class);

  private final DatabaseAuthorizationService authorizations;
  private final RegisteredClientRepository clients;
  private final UserDirectory users;

  private PolicyOnRefresh(AuthenticationProvider delegate, DatabaseAuthorizationService authorizations,
      RegisteredClientRepository clients, UserDirectory users) {
    super(delegate);
    this.authorizations = authorizations;
    this.clients = clients;
    this.users = users;
  }

  /** Wraps SAS's refresh-token provider, whatever else wraps it. */
  public static void install(List<AuthenticationProvider> providers, DatabaseAuthorizationService authorizations,
      RegisteredClientRepository clients, UserDirectory users) {
    decorate(providers, OAuth2RefreshTokenAuthenticationProvider.class,
        provider -> new PolicyOnRefresh(provider, authorizations, clients, users));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var refresh = (OAuth2RefreshTokenAuthenticationToken) authentication;
    OAuth2Authorization grant = authorizations.findByToken(refresh.getRefreshToken(), OAuth2TokenType.REFRESH_TOKEN);
    // Another client's token is SAS's to refuse; its grant is none of this client's business.
    if (grant != null && ownedByCaller(grant, refresh) && !allowed(grant)) {
      authorizations.remove(grant);
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
          "The user is no longer allowed to use this client", null));
    }
    return delegate.authenticate(authentication);
  }

  private static boolean ownedByCaller(OAuth2Authorization grant, OAuth2RefreshTokenAuthenticationToken refresh) {
    return refresh.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller
        && caller.getRegisteredClient() != null
        && caller.getRegisteredClient().getId().equals(grant.getRegisteredClientId());
  }

  private boolean allowed(OAuth2Authorization grant) {
    var client = clients.findById(grant.getRegisteredClientId());
    Optional<User> user = users.find(grant.getPrincipalName());
    if (client == null || user.isEmpty()) {
      log.info("Grant {} refused at refresh: its user '{}' is gone or disabled", grant.getId(),
          grant.getPrincipalName());
      return false;
    }
    AuthorizationPolicy policy = ClientPolicy.of(client).authorization();
    boolean allowed = policy.levelFor(new AuthorizationPolicy.Subject(user.get().username(), user.get().groups(), null))
        != PolicyLevel.DENY;
    if (!allowed) {
      log.info("Grant {} refused at refresh: policy '{}' denies user '{}'", grant.getId(), policy.name(),
          grant.getPrincipalName());
    }
    return allowed;
  }
}
