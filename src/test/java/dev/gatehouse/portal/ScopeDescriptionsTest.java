package dev.gatehouse.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.ClaimsPolicy;
import dev.gatehouse.oidc.claims.ClaimsRelease;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeDescriptionsTest {

  @Test
  void listsKnownScopesInAFixedOrderThenTheOthers() {
    assertThat(ScopeDescriptions.describe(Set.of("zeta", "email", "offline_access", "openid", "alpha"),
        ClaimsRelease.DEFAULT))
        .extracting(ScopeDescriptions.Described::name)
        .containsExactly("openid", "email", "offline_access", "alpha", "zeta");
  }

  @Test
  void describesWhatTheUserGivesAway() {
    assertThat(ScopeDescriptions.describe(Set.of("openid", "groups", "offline_access", "custom"),
        ClaimsRelease.DEFAULT))
        .extracting(ScopeDescriptions.Described::description)
        .containsExactly("Sign you in", "Your group memberships", "Stay signed in when you are away",
            "Access that the application defines");
  }

  @Test
  void namesTheClaimsEachScopeReleasesToTheClient() {
    ClaimsRelease release = ClaimsRelease.of(new ClaimsPolicy("org", List.of(), List.of(),
        ClaimsPolicy.IdTokenAudienceMode.SPECIFICATION,
        Map.of("department", new ClaimsPolicy.CustomClaim("department", "dept"))),
        List.of("openid", "email", "org"), Map.of("org", List.of("department", "groups")));

    assertThat(ScopeDescriptions.describe(List.of("openid", "email", "org"), release))
        .extracting(ScopeDescriptions.Described::claims)
        .containsExactly(List.of(), List.of("email", "email_verified"), List.of("department", "groups"));
  }
}
