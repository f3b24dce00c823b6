package dev.gatehouse.oidc.authorize;

import dev.gatehouse.oidc.clients.ClientPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * An {@code audience} the client is not configured for is {@code invalid_target} (RFC 8707), in
 * Authelia's words, before the user is asked to sign in; what is asked for must be in the
 * client's {@code audience}, compared as exact strings.
 */
public final class AudienceCheck extends AuthorizationRequestRule {

  private static final String INVALID_TARGET = "invalid_target";
  private static final String DESCRIPTION = "The requested resource is invalid, missing, unknown, or malformed."
      + " Ensure the requested resource is an absolute URI without a fragment component that identifies a resource"
      + " server known to the authorization server and that it is permitted for this client.";

  private final RegisteredClientRepository clients;

  public AudienceCheck(RequestMatcher authorizationEndpoint, AuthorizationResponses responses,
      RegisteredClientRepository clients) {
    super(authorizationEndpoint, responses);
    this.clients = clients;
  }

  @Override
  protected Optional<OAuth2Error> violation(HttpServletRequest request) {
    String[] asked = request.getParameterValues(ClientPolicy.AUDIENCE_PARAMETER);
    String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
    RegisteredClient client = asked == null || clientIds == null || clientIds.length != 1 ? null
        : clients.findByClientId(clientIds[0]);
    if (client == null) {
      return Optional.empty();
    }
    boolean allowed = Arrays.stream(asked)
        .flatMap(value -> Arrays.stream(StringUtils.tokenizeToStringArray(value, " ")))
        .allMatch(ClientPolicy.of(client).audience()::contains);
    return allowed ? Optional.empty() : Optional.of(new OAuth2Error(INVALID_TARGET, DESCRIPTION, null));
  }
}
