package dev.gatehouse.oidc.tokens;

import dev.gatehouse.identity.SubjectIdentifiers;
import dev.gatehouse.identity.UserClaims;
import dev.gatehouse.identity.UserDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/** The userinfo response: the opaque subject plus what the access token's scopes allow. */
public class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

  private final SubjectIdentifiers subjects;
  private final UserDirectory users;

  public UserInfoClaims(SubjectIdentifiers subjects, UserDirectory users) {
    this.subjects = subjects;
    this.users = users;
  }

  @Override
  public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
    String username = context.getAuthorization().getPrincipalName();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subjects.subjectOf(username));
    users.find(username).ifPresent(user ->
        UserClaims.of(user, context.getAccessToken().getScopes()).forEach(claims::putIfAbsent));
    return new OidcUserInfo(claims);
  }
}
