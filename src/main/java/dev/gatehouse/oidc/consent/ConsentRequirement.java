package dev.gatehouse.oidc.consent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * SAS's question "must this authorization request show the consent page?", answered by
 * {@link ConsentPolicy}. When the answer is yes and the request says {@code prompt=none}, SAS
 * itself sends {@code consent_required} to the client.
 */
final class ConsentRequirement implements Predicate<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  @Override
  public boolean test(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    // An expired remembered consent never gets here: the consent service does not return it.
    OAuth2AuthorizationConsent remembered = context.getAuthorizationConsent();
    Set<String> asked = new HashSet<>(context.getAuthorizationRequest().getScopes());
    asked.addAll(ConsentTerms.of(request.getAdditionalParameters()));
    return ConsentPolicy.mustAsk(ClientConsent.of(context.getRegisteredClient()).mode(),
        promptOf(request.getAdditionalParameters().get("prompt")), asked,
        remembered == null ? null : ConsentTerms.withScopes(remembered));
  }

  private static Set<String> promptOf(Object parameter) {
    return parameter instanceof String values
        ? Arrays.stream(values.split(" ")).collect(Collectors.toSet())
        : Set.of();
  }
}
