package dev.gatehouse.oidc.rules;

import dev.gatehouse.oidc.grants.DatabaseAuthorizationService;
import dev.gatehouse.storage.GrantConflictException;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;

/**
 * What a request gets when another request changed the grant it was using first: the store saves
 * one version of a grant once ({@link GrantConflictException}), and this rule answers the losers.
 *
 * <ul>
 *   <li>At the token endpoint the grant was redeemed or refreshed twice at once: a code used more
 *       than once must revoke what it gave (RFC 6749 section 4.1.2), a refresh token used again
 *       after rotation is the reuse that revokes the grant (RFC 9700 section 4.14.2). The grant is
 *       removed, the loser gets {@code invalid_grant}.</li>
 *   <li>At the revocation endpoint the token being revoked changed meanwhile: the whole grant is
 *       removed, which is what the client asked for at least.</li>
 *   <li>A consent answer whose state was used by another submission gets what a second
 *       submission gets after the first: {@code invalid_request} for its state, on a page.</li>
 * </ul>
 */
public final class ConcurrentGrantUse extends ProviderDecorator {

  private static final Logger log = LoggerFactory.getLogger(ConcurrentGrantUse.class);

  private final BiFunction<Authentication, GrantConflictException, Authentication> answer;

  private ConcurrentGrantUse(AuthenticationProvider delegate,
      BiFunction<Authentication, GrantConflictException, Authentication> answer) {
    super(delegate);
    this.answer = answer;
  }

  public static void atTokenEndpoint(List<AuthenticationProvider> providers,
      DatabaseAuthorizationService authorizations) {
    providers.replaceAll(provider -> new ConcurrentGrantUse(provider, (request, conflict) -> {
      revoke(authorizations, conflict, "was used by two token requests at once");
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
    }));
  }

  public static void atRevocationEndpoint(List<AuthenticationProvider> providers,
      DatabaseAuthorizationService authorizations) {
    providers.replaceAll(provider -> new ConcurrentGrantUse(provider, (request, conflict) -> {
      revoke(authorizations, conflict, "changed while one of its tokens was being revoked");
      return request;
    }));
  }

  public static void atConsent(List<AuthenticationProvider> providers) {
    decorate(providers, OAuth2AuthorizationConsentAuthenticationProvider.class,
        provider -> new ConcurrentGrantUse(provider, (request, conflict) -> {
          throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
              OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: state", null), null);
        }));
  }

  private static void revoke(DatabaseAuthorizationService authorizations, GrantConflictException conflict,
      String what) {
    log.warn("Grant {} {}; it is revoked", conflict.grantId(), what);
    authorizations.removeById(conflict.grantId());
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    try {
      return delegate.authenticate(authentication);
    } catch (GrantConflictException conflict) {
      return answer.apply(authentication, conflict);
    }
  }
}
