package dev.gatehouse.oidc.tokens;

import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.claims.ClaimsRelease;
import dev.gatehouse.oidc.clients.ClientPolicy;
import dev.gatehouse.oidc.clients.ClientRegistrationMapper;
import dev.gatehouse.signin.AuthenticationMethods;
import dev.gatehouse.telemetry.Audit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes signed tokens: the opaque subject instead of the username, and
 * <ul>
 * <li>for the ID token: the configured lifespan, {@code amr}, {@code auth_time} (a {@link Date},
 * which the JWT encoder writes as a number of seconds), {@code sid}, {@code at_hash}, the claims
 * the client's claims policy puts there and those the {@code claims} parameter asks for
 * ({@link ClaimsRequest}), all within what the granted scopes release;</li>
 * <li>for a JWT access token, RFC 9068's profile: {@code typ: at+jwt}, {@code client_id}, the
 * granted {@code scope} as one string, the client and its granted audience as {@code aud},
 * {@code auth_time}, and the claims the client's claims policy puts there.</li>
 * </ul>
 */
public class IdTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private static final String SESSION_ID = "sid";
  private static final String ACCESS_TOKEN_TYPE = "at+jwt";

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
    // For the log lines of this token request: the audit line names the user the tokens are for.
    MDC.put(Audit.USER, principal.getName());
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      customizeAccessToken(context, principal);
    } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
      customizeIdToken(context, principal);
    }
  }

  private void customizeAccessToken(JwtEncodingContext context, Authentication principal) {
    ClientPolicy policy = ClientPolicy.of(context.getRegisteredClient());
    String clientId = context.getRegisteredClient().getClientId();
    context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
    if (policy.accessTokenAlgorithm() != null) {
      context.getJwsHeader().algorithm(SignatureAlgorithm.from(policy.accessTokenAlgorithm()));
    }
    Optional<User> user = users.find(principal.getName());
    context.getClaims().claims(claims -> {
      user.map(found -> policy.claims().accessToken(found, context.getAuthorizedScopes()))
          .ifPresent(released -> released.forEach(claims::putIfAbsent));
      claims.put("client_id", clientId);
      claims.put(JwtClaimNames.AUD, audience(clientId, policy.grantedAudience(context.getAuthorization())));
      claims.put("scope", String.join(" ", context.getAuthorizedScopes()));
      putAuthTime(claims, principal);
    });
  }

  private void customizeIdToken(JwtEncodingContext context, Authentication principal) {
    Duration lifespan = context.getRegisteredClient().getTokenSettings()
        .getSetting(ClientRegistrationMapper.ID_TOKEN_LIFESPAN);
    ClientPolicy policy = ClientPolicy.of(context.getRegisteredClient());
    String algorithm = context.getJwsHeader().build().getAlgorithm().getName();
    OAuth2Authorization authorization = context.getAuthorization();
    OAuth2Authorization.Token<OAuth2AccessToken> accessToken =
        authorization == null ? null : authorization.getAccessToken();
    Optional<User> user = users.find(principal.getName());
    context.getClaims().claims(claims -> {
      user.ifPresent(found -> identityClaims(policy.claims(), found, context, authorization)
          .forEach(claims::putIfAbsent));
      if (policy.claims().mergesAudienceIntoIdToken()) {
        claims.put(JwtClaimNames.AUD, audience(context.getRegisteredClient().getClientId(),
            policy.grantedAudience(authorization)));
      }
      claims.put(IdTokenClaimNames.EXP, ((Instant) claims.get(IdTokenClaimNames.IAT)).plus(lifespan));
      claims.put("amr", AuthenticationMethods.amr(principal.getAuthorities()));
      // In place of SAS's own, which come from the session registry of the process that holds the
      // browser's session: absent on any other instance, or after a restart.
      claims.remove(SESSION_ID);
      putAuthTime(claims, principal);
      AuthenticationMethods.sessionId(principal.getName(), principal.getAuthorities())
          .ifPresent(sid -> claims.put(SESSION_ID, sid));
      if (accessToken != null) {
        claims.put(IdTokenClaimNames.AT_HASH, AccessTokenHash.of(accessToken.getToken().getTokenValue(), algorithm));
      }
    });
  }

  /**
   * What the claims policy puts in the ID token (Authelia 4.39 puts nothing there by default:
   * scopes make claims available at userinfo, where LibreChat and other clients read them), and
   * what the claims parameter asks for there.
   */
  private static Map<String, Object> identityClaims(ClaimsRelease release, User user, JwtEncodingContext context,
      OAuth2Authorization authorization) {
    Map<String, Object> claims = release.idToken(user, context.getAuthorizedScopes());
    ClaimsRequest requested = ClaimsRequest.of(authorization);
    if (!requested.idToken().isEmpty()) {
      requested.forIdToken(release.userinfo(user, context.getAuthorizedScopes())).forEach(claims::putIfAbsent);
    }
    return claims;
  }

  private static List<String> audience(String clientId, List<String> granted) {
    List<String> audience = new ArrayList<>(List.of(clientId));
    granted.stream().filter(value -> !value.equals(clientId)).forEach(audience::add);
    return audience;
  }

  private static void putAuthTime(Map<String, Object> claims, Authentication principal) {
    claims.remove(IdTokenClaimNames.AUTH_TIME);
    AuthenticationMethods.authenticatedAt(principal.getAuthorities())
        .ifPresent(at -> claims.put(IdTokenClaimNames.AUTH_TIME, Date.from(at)));
  }
}
