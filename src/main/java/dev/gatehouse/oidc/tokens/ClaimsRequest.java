package dev.gatehouse.oidc.tokens;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claims a client asked for by name in the ID token with the {@code claims} request parameter
 * (OpenID Connect Core 5.5); what it asks of userinfo, which gives every granted scope's claims
 * anyway, is only checked for form. Essential and voluntary requests are honoured alike,
 * and {@code value}/{@code values} are not matched: a claim is returned as the user has it, or not
 * at all. Only claims of the scopes the user granted are ever returned, so the parameter moves a
 * consented claim into the ID token but never reaches past the consent. The one value that counts
 * is a {@code sub} asked for in the ID token: the answer must be about that user (5.5.1).
 *
 * @param subject the {@code value} of the ID token's {@code sub} request, or null
 */
public record ClaimsRequest(Set<String> idToken, String subject) {

  public static final String PARAMETER = "claims";
  public static final ClaimsRequest NONE = new ClaimsRequest(Set.of(), null);
  /** Far more than any real request, small enough that nobody stores megabytes in a grant. */
  static final int MAX_LENGTH = 4096;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ClaimsRequest {
    idToken = Collections.unmodifiableSet(new LinkedHashSet<>(idToken));
  }

  /**
   * The parameter's value read, or why it cannot be: not JSON, not an object, a member that is not
   * an object of claim requests, or a claim request that is neither {@code null} nor an object.
   */
  public static ClaimsRequest parse(String parameter) {
    if (parameter.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("The claims parameter is longer than " + MAX_LENGTH + " characters");
    }
    JsonNode request;
    try {
      request = JSON.readTree(parameter);
    } catch (JacksonException notJson) {
      throw new IllegalArgumentException("The claims parameter is not JSON");
    }
    if (request == null || !request.isObject()) {
      throw new IllegalArgumentException("The claims parameter is not a JSON object");
    }
    JsonNode subject = request.path("id_token").path("sub").path("value");
    // The userinfo member is checked, not kept: userinfo gives every granted scope's claims anyway.
    names(request, "userinfo");
    return new ClaimsRequest(names(request, "id_token"), subject.isString() ? subject.asString() : null);
  }

  /** What the authorization request behind {@code authorization} asked for; nothing if it did not ask. */
  public static ClaimsRequest of(OAuth2Authorization authorization) {
    OAuth2AuthorizationRequest request = authorization == null ? null
        : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    Object parameter = request == null ? null : request.getAdditionalParameters().get(PARAMETER);
    return parameter instanceof String text ? readOrNone(text) : NONE;
  }

  /**
   * The parameter read where it was checked already (ClaimsParameterCheck refuses a malformed one
   * on an authorization request): anything that does not read asks for nothing.
   */
  public static ClaimsRequest readOrNone(String parameter) {
    try {
      return parse(parameter);
    } catch (IllegalArgumentException malformed) {
      return NONE;
    }
  }

  /** The user the ID token must be about, when the request names one. */
  public Optional<String> requiredSubject() {
    return Optional.ofNullable(subject);
  }

  /** {@code claims} restricted to those asked for in the ID token. */
  public Map<String, Object> forIdToken(Map<String, Object> claims) {
    claims.keySet().retainAll(idToken);
    return claims;
  }

  private static Set<String> names(JsonNode request, String member) {
    JsonNode claims = request.get(member);
    if (claims == null || claims.isNull()) {
      return Set.of();
    }
    if (!claims.isObject()) {
      throw new IllegalArgumentException("The claims parameter's " + member + " member is not a JSON object");
    }
    Set<String> names = new LinkedHashSet<>();
    claims.properties().forEach(claim -> {
      if (!claim.getValue().isNull() && !claim.getValue().isObject()) {
        throw new IllegalArgumentException("The claims parameter's request for " + member + " claim '"
            + claim.getKey() + "' is neither null nor a JSON object");
      }
      names.add(claim.getKey());
    });
    return names;
  }
}
