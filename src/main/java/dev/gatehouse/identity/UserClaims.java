package dev.gatehouse.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The OpenID Connect claims of a user for the scopes granted, as Authelia's default claims policy gives
 * them at the userinfo endpoint (its {@code internal/oidc/claims.go}); {@code sub} and the token claims
 * are the caller's. Claims without a value are left out.
 *
 * <p>{@code updated_at} is left out too: users.yml does not say when a user changed, and Authelia's value
 * (the time of the request) would only mislead a client.
 *
 * <p>The maps and lists returned are mutable {@link HashMap}s and {@link ArrayList}s because Spring
 * Security's Jackson allow-list, which serialises stored claims, refuses the JDK's immutable collections.
 */
public final class UserClaims {

  private static final String PROFILE = "profile";
  private static final String EMAIL = "email";
  private static final String GROUPS = "groups";
  private static final String PHONE = "phone";
  private static final String ADDRESS = "address";

  private UserClaims() {
  }

  public static Map<String, Object> of(User user, Collection<String> grantedScopes) {
    Map<String, Object> claims = new HashMap<>();
    if (grantedScopes.contains(PROFILE)) {
      putIfPresent(claims, "name", user.displayName());
      putIfPresent(claims, "preferred_username", user.username());
      putIfPresent(claims, "given_name", user.givenName());
      putIfPresent(claims, "family_name", user.familyName());
      putIfPresent(claims, "middle_name", user.middleName());
      putIfPresent(claims, "nickname", user.nickname());
      putIfPresent(claims, "profile", user.profile());
      putIfPresent(claims, "picture", user.picture());
      putIfPresent(claims, "website", user.website());
      putIfPresent(claims, "gender", user.gender());
      putIfPresent(claims, "birthdate", user.birthdate());
      putIfPresent(claims, "zoneinfo", user.zoneinfo());
      putIfPresent(claims, "locale", user.locale());
    }
    if (grantedScopes.contains(EMAIL) && user.email() != null) {
      // Authelia vouches for every address in its user database: they are set by the admin.
      claims.put("email", user.email());
      claims.put("email_verified", true);
    }
    if (grantedScopes.contains(GROUPS) && !user.groups().isEmpty()) {
      claims.put("groups", new ArrayList<>(user.groups()));
    }
    if (grantedScopes.contains(PHONE) && user.phoneNumber() != null) {
      claims.put("phone_number", phoneNumber(user));
      // Authelia never claims a phone number was verified.
      claims.put("phone_number_verified", false);
    }
    if (grantedScopes.contains(ADDRESS) && user.address() != null) {
      Map<String, Object> address = address(user.address());
      if (!address.isEmpty()) {
        claims.put("address", address);
      }
    }
    return claims;
  }

  /** RFC 3966 style, as Authelia formats it: {@code +1 555 0100;ext=123}. */
  private static String phoneNumber(User user) {
    return user.phoneExtension() == null ? user.phoneNumber() : user.phoneNumber() + ";ext=" + user.phoneExtension();
  }

  private static Map<String, Object> address(Address address) {
    Map<String, Object> parts = new HashMap<>();
    putIfPresent(parts, "street_address", address.streetAddress());
    putIfPresent(parts, "locality", address.locality());
    putIfPresent(parts, "region", address.region());
    putIfPresent(parts, "postal_code", address.postalCode());
    putIfPresent(parts, "country", address.country());
    return parts;
  }

  private static void putIfPresent(Map<String, Object> claims, String name, String value) {
    if (value != null && !value.isEmpty()) {
      claims.put(name, value);
    }
  }
}
