package dev.gatehouse.oidc.tokens;

import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.telemetry.Audit;
import org.slf4j.MDC;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Opaque access tokens: introspection reports the opaque subject, never the username. */
public class AccessTokenSubjectCustomizer implements OAuth2TokenCustomizer<OAuth2TokenClaimsContext> {

  private final SubjectIdentifiers subjects;

  public AccessTokenSubjectCustomizer(SubjectIdentifiers subjects) {
    this.subjects = subjects;
  }

  @Override
  public void customize(OAuth2TokenClaimsContext context) {
    context.getClaims().subject(subjects.subjectOf(context.getPrincipal().getName()));
    MDC.put(Audit.USER, context.getPrincipal().getName());
    context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
  }
}
