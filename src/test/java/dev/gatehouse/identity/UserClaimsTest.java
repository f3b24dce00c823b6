package dev.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.crypto.PasswordDigests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserClaimsTest {

  private final User john = TestUsers.withEveryAttribute();
  private final User minimal =
      TestUsers.withOnlyRequiredAttributes("jane", PasswordDigests.parse("$plaintext$x"), false);

  @Test
  void profileScope() {
    assertThat(UserClaims.of(john, Set.of("openid", "profile"))).isEqualTo(Map.ofEntries(
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
    assertThat(UserClaims.of(minimal, Set.of("profile")))
        .isEqualTo(Map.of("name", "Display jane", "preferred_username", "jane"));
  }

  @Test
  void emailScope() {
    assertThat(UserClaims.of(john, Set.of("openid", "email")))
        .isEqualTo(Map.of("email", "john@example.com", "email_verified", true));
    assertThat(UserClaims.of(minimal, Set.of("email"))).isEmpty();
  }

  @Test
  void groupsScope() {
    assertThat(UserClaims.of(john, Set.of("groups"))).isEqualTo(Map.of("groups", List.of("admins", "dev")));
    assertThat(UserClaims.of(minimal, Set.of("groups"))).isEmpty();
  }

  @Test
  void phoneScopeFormatsTheExtensionAsAuthelia() {
    assertThat(UserClaims.of(john, Set.of("phone")))
        .isEqualTo(Map.of("phone_number", "+1 555 0100;ext=123", "phone_number_verified", false));
    assertThat(UserClaims.of(minimal, Set.of("phone"))).isEmpty();
  }

  @Test
  void addressScope() {
    assertThat(UserClaims.of(john, Set.of("address"))).isEqualTo(Map.of("address", Map.of(
        "street_address", "10 Downing Street", "locality", "London", "region", "Greater London",
        "postal_code", "SW1A 2AA", "country", "GB")));
    assertThat(UserClaims.of(minimal, Set.of("address"))).isEmpty();
  }

  @Test
  void noClaimScopeGivesNoClaims() {
    assertThat(UserClaims.of(john, Set.of("openid", "offline_access"))).isEmpty();
    assertThat(UserClaims.of(john, List.of())).isEmpty();
  }

  @Test
  void returnsOnlyMutableCollectionsForSpringSecuritysJacksonAllowList() {
    Map<String, Object> claims = UserClaims.of(john, Set.of("profile", "email", "groups", "phone", "address"));

    assertThat(claims).isExactlyInstanceOf(HashMap.class).hasSize(19);
    assertThat(claims.get("groups")).isExactlyInstanceOf(ArrayList.class);
    assertThat(claims.get("address")).isExactlyInstanceOf(HashMap.class);
  }
}
