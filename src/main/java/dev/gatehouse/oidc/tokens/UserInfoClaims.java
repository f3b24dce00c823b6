package dev.gatehouse.oidc.tokens;

import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.oidc.claims.ClaimsRelease;
import dev.gatehouse.oidc.clients.ClientPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/** The userinfo response: the opaque subject plus all that the access token's scopes release to its client. */
public class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

  private final SubjectIdentifiers subjects;
  private final UserDirectory users;
  private final RegisteredClientRepository clients;

  public UserInfoClaims(SubjectIdentifiers subjects, UserDirectory users, RegisteredClientRepository clients) {
    this.subjects = subjects;
    this.users = users;
    this.clients = clients;
  }

  @Override
  public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
    String username = context.getAuthorization().getPrincipalName();
    RegisteredClient client = clients.findById(context.getAuthorization().getRegisteredClientId());
    ClaimsRelease release = client == null ? ClaimsRelease.DEFAULT : ClientPolicy.of(client).claims();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subjects.subjectOf(username));
    users.find(username).ifPresent(user ->
        release.userinfo(user, context.getAccessToken().getScopes()).forEach(claims::putIfAbsent));
    return new OidcUserInfo(claims);
  }
}
