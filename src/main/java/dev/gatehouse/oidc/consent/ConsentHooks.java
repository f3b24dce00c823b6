package dev.gatehouse.oidc.consent;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;

/** Puts Gatehouse's consent rules into SAS's authorization endpoint providers. */
public final class ConsentHooks {

  private ConsentHooks() {
  }

  public static void install(List<AuthenticationProvider> providers) {
    for (AuthenticationProvider provider : providers) {
      if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
        request.setAuthorizationConsentRequired(new ConsentRequirement());
      } else if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
        consent.setAuthorizationConsentCustomizer(new ConsentDecision());
      }
    }
  }
}
