package dev.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeDescriptionsTest {

  @Test
  void listsKnownScopesInAFixedOrderThenTheOthers() {
    assertThat(ScopeDescriptions.describe(Set.of("zeta", "email", "offline_access", "openid", "alpha"),
        scope -> List.of()))
        .extracting(ScopeDescriptions.Described::name)
        .containsExactly("openid", "email", "offline_access", "alpha", "zeta");
  }

  @Test
  void describesWhatTheUserGivesAway() {
    assertThat(ScopeDescriptions.describe(Set.of("openid", "groups", "offline_access", "custom"),
        scope -> List.of()))
        .extracting(ScopeDescriptions.Described::description)
        .containsExactly("Sign you in", "Your group memberships", "Stay signed in when you are away",
            "Access that the application defines");
  }

  @Test
  void carriesTheClaimsEachScopeReleases() {
    assertThat(ScopeDescriptions.describe(List.of("openid", "email"),
        scope -> scope.equals("email") ? List.of("email", "email_verified") : List.of()))
        .extracting(ScopeDescriptions.Described::claims)
        .containsExactly(List.of(), List.of("email", "email_verified"));
  }
}
