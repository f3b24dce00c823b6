package dev.gatehouse.oidc.consent;

import static dev.gatehouse.config.schema.ConsentMode.EXPLICIT;
import static dev.gatehouse.config.schema.ConsentMode.IMPLICIT;
import static dev.gatehouse.config.schema.ConsentMode.PRE_CONFIGURED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

  private static final Set<String> NO_PROMPT = Set.of();
  private static final Set<String> PROFILE = Set.of("openid", "profile");

  @Test
  void implicitNeverAsksUnlessPromptedTo() {
    assertThat(ConsentPolicy.mustAsk(IMPLICIT, NO_PROMPT, PROFILE, null)).isFalse();
    assertThat(ConsentPolicy.mustAsk(IMPLICIT, Set.of("login"), PROFILE, null)).isFalse();
    assertThat(ConsentPolicy.mustAsk(IMPLICIT, Set.of("login", "consent"), PROFILE, null)).isTrue();
  }

  @Test
  void explicitAlwaysAsksWhateverIsRemembered() {
    assertThat(ConsentPolicy.mustAsk(EXPLICIT, NO_PROMPT, PROFILE, null)).isTrue();
    assertThat(ConsentPolicy.mustAsk(EXPLICIT, NO_PROMPT, PROFILE, PROFILE)).isTrue();
    assertThat(ConsentPolicy.mustAsk(EXPLICIT, NO_PROMPT, Set.of("openid"), null)).isTrue();
  }

  @Test
  void preConfiguredAsksUnlessTheSameScopesAreRemembered() {
    assertThat(ConsentPolicy.mustAsk(PRE_CONFIGURED, NO_PROMPT, PROFILE, null)).isTrue();
    assertThat(ConsentPolicy.mustAsk(PRE_CONFIGURED, NO_PROMPT, PROFILE, Set.of("profile", "openid"))).isFalse();
    assertThat(ConsentPolicy.mustAsk(PRE_CONFIGURED, NO_PROMPT, Set.of("openid", "profile", "email"), PROFILE))
        .isTrue();
    assertThat(ConsentPolicy.mustAsk(PRE_CONFIGURED, NO_PROMPT, Set.of("openid"), PROFILE)).isTrue();
  }

  @Test
  void promptConsentAsksEvenWhenRemembered() {
    assertThat(ConsentPolicy.mustAsk(PRE_CONFIGURED, Set.of("consent"), PROFILE, PROFILE)).isTrue();
  }
}
