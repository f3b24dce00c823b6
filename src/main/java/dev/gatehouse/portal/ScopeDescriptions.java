package dev.gatehouse.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What each scope means to the user, in the order the consent page lists them. */
final class ScopeDescriptions {

  /** A scope as the consent page shows it, with the claims of the user it releases to the client. */
  record Described(String name, String description, List<String> claims) {
  }

  private static final List<String> ORDER = List.of("openid", "profile", "email", "groups", "address", "phone",
      "offline_access", "offline");
  private static final String STAY_SIGNED_IN = "Stay signed in when you are away";
  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "openid", "Sign you in",
      "profile", "Your name and username",
      "email", "Your email address",
      "groups", "Your group memberships",
      "address", "Your postal address",
      "phone", "Your phone number",
      "offline_access", STAY_SIGNED_IN,
      "offline", STAY_SIGNED_IN);
  private static final String UNKNOWN = "Access that the application defines";

  private ScopeDescriptions() {
  }

  /** Known scopes first, in a fixed order; any others after them, alphabetically. */
  static List<Described> describe(Collection<String> scopes, Function<String, List<String>> claimsOf) {
    List<String> ordered = new ArrayList<>(scopes);
    ordered.sort(Comparator.comparingInt(ScopeDescriptions::rank).thenComparing(Comparator.naturalOrder()));
    return ordered.stream()
        .map(scope -> new Described(scope, DESCRIPTIONS.getOrDefault(scope, UNKNOWN), claimsOf.apply(scope)))
        .toList();
  }

  private static int rank(String scope) {
    int known = ORDER.indexOf(scope);
    return known < 0 ? ORDER.size() : known;
  }
}
