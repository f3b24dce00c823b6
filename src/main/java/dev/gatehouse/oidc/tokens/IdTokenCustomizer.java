package dev.gatehouse.oidc.tokens;

import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.identity.UserClaims;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.clients.ClientRegistrationMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes signed tokens: the opaque subject instead of the username, and for the id_token the
 * configured lifespan, {@code amr}, {@code auth_time} (a {@link Date}, which the JWT encoder writes
 * as a number of seconds), {@code sid}, {@code at_hash}, and the identity claims the granted scopes
 * allow that the {@code claims} parameter asks for in the ID token ({@link ClaimsRequest}).
 */
public class IdTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private static final String SESSION_ID = "sid";

  private final SubjectIdentifiers subjects;
  private final UserDirectory users;

  public IdTokenCustomizer(SubjectIdentifiers subjects, UserDirectory users) {
    this.subjects = subjects;
    this.users = users;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    Authentication principal = context.getPrincipal();
    context.getClaims().subject(subjects.subjectOf(principal.getName()));
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
    } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
      customizeIdToken(context, principal);
    }
  }

  private void customizeIdToken(JwtEncodingContext context, Authentication principal) {
    Duration lifespan = context.getRegisteredClient().getTokenSettings()
        .getSetting(ClientRegistrationMapper.ID_TOKEN_LIFESPAN);
    String algorithm = context.getJwsHeader().build().getAlgorithm().getName();
    OAuth2Authorization authorization = context.getAuthorization();
    OAuth2Authorization.Token<OAuth2AccessToken> accessToken =
        authorization == null ? null : authorization.getAccessToken();
    context.getClaims().claims(claims -> {
      // Identity claims only when the claims parameter asks for them in the ID token (Authelia 4.39):
      // scopes make them available at userinfo, where LibreChat and other clients read them.
      ClaimsRequest requested = ClaimsRequest.of(authorization);
      if (!requested.idToken().isEmpty()) {
        users.find(principal.getName())
            .map(user -> requested.forIdToken(UserClaims.of(user, context.getAuthorizedScopes())))
            .ifPresent(userClaims -> userClaims.forEach(claims::putIfAbsent));
      }
      claims.put(IdTokenClaimNames.EXP, ((Instant) claims.get(IdTokenClaimNames.IAT)).plus(lifespan));
      claims.put("amr", AuthenticationMethods.amr(principal.getAuthorities()));
      // In place of SAS's own, which come from the session registry of the process that holds the
      // browser's session: absent on any other instance, or after a restart.
      claims.remove(IdTokenClaimNames.AUTH_TIME);
      claims.remove(SESSION_ID);
      AuthenticationMethods.authenticatedAt(principal.getAuthorities())
          .ifPresent(at -> claims.put(IdTokenClaimNames.AUTH_TIME, Date.from(at)));
      AuthenticationMethods.sessionId(principal.getName(), principal.getAuthorities())
          .ifPresent(sid -> claims.put(SESSION_ID, sid));
      if (accessToken != null) {
        claims.put(IdTokenClaimNames.AT_HASH, AccessTokenHash.of(accessToken.getToken().getTokenValue(), algorithm));
      }
    });
  }
}
