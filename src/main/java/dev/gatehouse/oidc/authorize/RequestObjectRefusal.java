package dev.gatehouse.oidc.authorize;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Gatehouse takes no request objects (discovery says {@code request_parameter_supported} and
 * {@code request_uri_parameter_supported} are false): an authorization request with
 * {@code request} gets {@code request_not_supported}, one with {@code request_uri}
 * {@code request_uri_not_supported} (OpenID Connect Core 6.1, 6.2), before any other rule looks at
 * it. The answer goes to the client's registered redirect URI with its {@code state}, which a
 * client may have put only inside the object; the object is read for that, never trusted, and a
 * {@code request_uri} is never fetched.
 */
public final class RequestObjectRefusal extends AuthorizationRequestRule {

  private static final String REQUEST = "request";
  private static final String REQUEST_URI = "request_uri";

  public RequestObjectRefusal(RequestMatcher authorizationEndpoint, AuthorizationResponses responses) {
    super(authorizationEndpoint, responses);
  }

  @Override
  protected Optional<OAuth2Error> violation(HttpServletRequest request) {
    if (request.getParameter(REQUEST) != null) {
      return Optional.of(new OAuth2Error("request_not_supported",
          "Request objects (the request parameter) are not supported", null));
    }
    if (request.getParameter(REQUEST_URI) != null) {
      return Optional.of(new OAuth2Error("request_uri_not_supported", "The request_uri parameter is not supported",
          null));
    }
    return Optional.empty();
  }

  /** Where the object names {@code state} or {@code redirect_uri} and the query does not, the object's. */
  @Override
  protected HttpServletRequest answered(HttpServletRequest request) {
    String object = request.getParameter(REQUEST);
    return object == null ? request : new WithObjectParameters(request, claimsOf(object));
  }

  /** The claims of a request object as it claims them, unverified; none if it is not a readable JWT. */
  private static Map<String, Object> claimsOf(String requestObject) {
    try {
      return Optional.ofNullable(JWTParser.parse(requestObject).getJWTClaimsSet()).map(JWTClaimsSet::getClaims)
          .orElse(Map.of());
    } catch (ParseException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  /** The request, with {@code state} and {@code redirect_uri} from the object where the query has none. */
  private static final class WithObjectParameters extends HttpServletRequestWrapper {

    private final Map<String, Object> object;

    WithObjectParameters(HttpServletRequest request, Map<String, Object> object) {
      super(request);
      this.object = object;
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = super.getParameterValues(name);
      boolean takenFromObject = OAuth2ParameterNames.STATE.equals(name)
          || OAuth2ParameterNames.REDIRECT_URI.equals(name);
      if (values == null && takenFromObject && object.get(name) instanceof String value) {
        return new String[] {value};
      }
      return values;
    }
  }
}
