package dev.gatehouse.config.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims OpenID Connect's standard scopes release, each with the user attribute it carries,
 * as Authelia 4.39's default claims strategy has them, in the order the consent page shows them.
 */
public final class StandardScopes {

  /** By scope, by claim: the attribute (a {@link UserAttributeNames} name). */
  public static final Map<String, Map<String, String>> CLAIMS = claims();

  private StandardScopes() {
  }

  /** The standard scope that releases {@code claim}, if one does. */
  public static Optional<String> releasing(String claim) {
    return CLAIMS.entrySet().stream().filter(scope -> scope.getValue().containsKey(claim)).map(Map.Entry::getKey)
        .findFirst();
  }

  private static Map<String, Map<String, String>> claims() {
    Map<String, String> profile = new LinkedHashMap<>();
    profile.put("name", "display_name");
    profile.put("preferred_username", "username");
    for (String same : List.of("given_name", "family_name", "middle_name", "nickname", "profile", "picture",
        "website", "gender", "birthdate", "zoneinfo", "locale")) {
      profile.put(same, same);
    }
    Map<String, String> email = new LinkedHashMap<>();
    email.put("email", "email");
    email.put(UserAttributeNames.EMAIL_VERIFIED, UserAttributeNames.EMAIL_VERIFIED);
    Map<String, String> phone = new LinkedHashMap<>();
    phone.put("phone_number", UserAttributeNames.PHONE_NUMBER_RFC3966);
    phone.put(UserAttributeNames.PHONE_NUMBER_VERIFIED, UserAttributeNames.PHONE_NUMBER_VERIFIED);
    Map<String, Map<String, String>> scopes = new LinkedHashMap<>();
    scopes.put("profile", Collections.unmodifiableMap(profile));
    scopes.put("email", Collections.unmodifiableMap(email));
    scopes.put("groups", Map.of("groups", "groups"));
    scopes.put("address", Map.of("address", UserAttributeNames.ADDRESS));
    scopes.put("phone", Collections.unmodifiableMap(phone));
    return Collections.unmodifiableMap(scopes);
  }
}
