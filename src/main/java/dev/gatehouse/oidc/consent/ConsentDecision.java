package dev.gatehouse.oidc.consent;

import dev.gatehouse.telemetry.Audit;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

/**
 * Makes the consent SAS is about to store say exactly what the user answered on the form.
 *
 * <p>SAS adds to the submitted scopes those of the consent it already holds. Left alone, Deny on a
 * request for more than a remembered consent would still issue a code for the remembered scopes,
 * and Accept would remember the union of two answers. Here Deny empties the consent, which SAS
 * answers with {@code access_denied}, and Accept keeps only the scopes just approved.
 */
final class ConsentDecision implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

  @Override
  public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
    OAuth2AuthorizationConsentAuthenticationToken answer = context.getAuthentication();
    OAuth2AuthorizationConsent.Builder consent = context.getAuthorizationConsent();
    consent.authorities(Set::clear);
    boolean accepted = ConsentForm.accepted(answer.getAdditionalParameters());
    Audit.consent(answer.getName(), context.getRegisteredClient().getClientId(), answer.getScopes(), accepted);
    if (accepted) {
      answer.getScopes().forEach(consent::scope);
      ConsentTerms.of(context.getAuthorizationRequest().getAdditionalParameters())
          .forEach(term -> consent.authority(ConsentTerms.authority(term)));
    }
  }
}
