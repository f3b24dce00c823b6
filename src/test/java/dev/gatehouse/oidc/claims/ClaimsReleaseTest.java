package dev.gatehouse.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.crypto.PasswordDigests;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimsReleaseTest {

  private final User john = TestUsers.withEveryAttribute();
  private final User minimal =
      TestUsers.withOnlyRequiredAttributes("jane", PasswordDigests.parse("$plaintext$x"), false);

  @Test
  void profileScope() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, Set.of("openid", "profile"))).isEqualTo(Map.ofEntries(
        Map.entry("name", "John Doe"),
        Map.entry("preferred_username", "john"),
        Map.entry("given_name", "John"),
        Map.entry("middle_name", "Jacob"),
        Map.entry("family_name", "Doe"),
        Map.entry("nickname", "JJ"),
        Map.entry("profile", "https://example.com/john"),
        Map.entry("picture", "https://example.com/john.png"),
        Map.entry("website", "https://john.example.com"),
        Map.entry("gender", "male"),
        Map.entry("birthdate", "1990-01-31"),
        Map.entry("zoneinfo", "Europe/Paris"),
        Map.entry("locale", "en-US")));
  }

  @Test
  void profileScopeLeavesOutWhatIsNotKnown() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(minimal, Set.of("profile")))
        .isEqualTo(Map.of("name", "Display jane", "preferred_username", "jane"));
  }

  @Test
  void emailScope() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, Set.of("openid", "email")))
        .isEqualTo(Map.of("email", "john@example.com", "email_verified", true));
    assertThat(ClaimsRelease.DEFAULT.userinfo(minimal, Set.of("email"))).isEmpty();
  }

  @Test
  void groupsScope() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, Set.of("groups")))
        .isEqualTo(Map.of("groups", List.of("admins", "dev")));
    assertThat(ClaimsRelease.DEFAULT.userinfo(minimal, Set.of("groups"))).isEmpty();
  }

  @Test
  void phoneScopeFormatsTheExtensionAsAuthelia() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, Set.of("phone")))
        .isEqualTo(Map.of("phone_number", "+1 555 0100;ext=123", "phone_number_verified", false));
    assertThat(ClaimsRelease.DEFAULT.userinfo(minimal, Set.of("phone"))).isEmpty();
  }

  @Test
  void addressScope() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, Set.of("address"))).isEqualTo(Map.of("address", Map.of(
        "street_address", "10 Downing Street", "locality", "London", "region", "Greater London",
        "postal_code", "SW1A 2AA", "country", "GB")));
    assertThat(ClaimsRelease.DEFAULT.userinfo(minimal, Set.of("address"))).isEmpty();
  }

  @Test
  void noClaimScopeGivesNoClaims() {
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, Set.of("openid", "offline_access"))).isEmpty();
    assertThat(ClaimsRelease.DEFAULT.userinfo(john, List.of())).isEmpty();
  }

  @Test
  void returnsOnlyMutableCollectionsForSpringSecuritysJacksonAllowList() {
    Map<String, Object> claims =
        ClaimsRelease.DEFAULT.userinfo(john, Set.of("profile", "email", "groups", "phone", "address"));

    assertThat(claims).isExactlyInstanceOf(HashMap.class).hasSize(19);
    assertThat(claims.get("groups")).isExactlyInstanceOf(ArrayList.class);
    assertThat(claims.get("address")).isExactlyInstanceOf(HashMap.class);
  }

  /**
   * A claims policy: custom claims from an extra attribute and a standard one, released by a
   * custom scope; the ID token and access token get only what the policy lists for them.
   */
  @Test
  void aClaimsPolicyReleasesCustomClaimsThroughACustomScopeAndFiltersTheTokens() {
    User withExtra = new User("ann", "Ann Lee", john.password(), "ann@example.com", List.of("staff"), false,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        Map.of("dept", "Research", "projects", List.of("apollo")));
    ClaimsPolicy policy = new ClaimsPolicy("org", List.of("department", "groups"), List.of("projects"),
        ClaimsPolicy.IdTokenAudienceMode.SPECIFICATION, Map.of(
            "department", new ClaimsPolicy.CustomClaim("department", "dept"),
            "projects", new ClaimsPolicy.CustomClaim("projects", "projects"),
            "mail", new ClaimsPolicy.CustomClaim("work_email", "email")));
    ClaimsRelease release = ClaimsRelease.of(policy, List.of("openid", "groups", "org"),
        Map.of("org", List.of("department", "projects", "work_email"), "unused", List.of("department")));
    List<String> granted = List.of("openid", "groups", "org");

    assertThat(release.userinfo(withExtra, granted)).isEqualTo(Map.of("groups", List.of("staff"),
        "department", "Research", "projects", List.of("apollo"), "work_email", "ann@example.com"));
    assertThat(release.idToken(withExtra, granted))
        .isEqualTo(Map.of("department", "Research", "groups", List.of("staff")));
    assertThat(release.accessToken(withExtra, granted)).isEqualTo(Map.of("projects", List.of("apollo")));
    assertThat(release.idToken(withExtra, List.of("openid", "groups"))).as("org not granted")
        .isEqualTo(Map.of("groups", List.of("staff")));
    assertThat(release.claimsOf("unused")).as("not among the client's scopes").isEmpty();
    assertThat(release.claimsOf("profile", withExtra)).containsExactly("name", "preferred_username");
  }
}
