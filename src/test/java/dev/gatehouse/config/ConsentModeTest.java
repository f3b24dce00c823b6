package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatehouse.config.schema.ConsentMode;
import org.junit.jupiter.api.Test;

class ConsentModeTest {

  @Test
  void readsTheResolvedModesOfConfigurationYml() {
    assertThat(ConsentMode.of("implicit")).isEqualTo(ConsentMode.IMPLICIT);
    assertThat(ConsentMode.of("explicit")).isEqualTo(ConsentMode.EXPLICIT);
    assertThat(ConsentMode.of("pre-configured")).isEqualTo(ConsentMode.PRE_CONFIGURED);
  }

  @Test
  void autoMustHaveBeenResolvedBefore() {
    assertThatIllegalArgumentException().isThrownBy(() -> ConsentMode.of("auto"));
  }
}
