package dev.gatehouse.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.schema.TotpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotpEnrolmentPolicyTest {

  @Test
  void newEnrolmentsGetTheConfiguredParametersAndSecretSize() {
    TotpEnrolmentPolicy policy = new TotpEnrolmentPolicy(TotpConfigs.defaults());

    assertThat(policy.defaults()).isEqualTo(new TotpParameters(TotpAlgorithm.SHA1, 6, 30));
    assertThat(policy.issuer()).isEqualTo("Authelia");
    assertThat(policy.newSecret()).hasSize(32);
  }

  @Test
  void theDefaultsAreAlwaysAllowedEvenWhenTheListsOmitThem() {
    TotpEnrolmentPolicy policy = new TotpEnrolmentPolicy(
        config("SHA256", 8, 60, List.of("sha1", "SHA512"), List.of(6), List.of(30, 45)));

    assertThat(policy.defaults()).isEqualTo(new TotpParameters(TotpAlgorithm.SHA256, 8, 60));
    assertThat(policy.allowedAlgorithms()).containsExactly(TotpAlgorithm.SHA1, TotpAlgorithm.SHA256, TotpAlgorithm.SHA512);
    assertThat(policy.allowedDigits()).containsExactly(6, 8);
    assertThat(policy.allowedPeriods()).containsExactly(30, 45, 60);
    assertThat(policy.allows(new TotpParameters(TotpAlgorithm.SHA256, 8, 60))).isTrue();
    assertThat(policy.allows(new TotpParameters(TotpAlgorithm.SHA512, 6, 45))).isTrue();
  }

  @Test
  void anEnrolmentOutsideTheAllowedListsIsNotAllowed() {
    TotpEnrolmentPolicy policy = new TotpEnrolmentPolicy(TotpConfigs.defaults());

    assertThat(policy.allows(new TotpParameters(TotpAlgorithm.SHA1, 6, 30))).isTrue();
    assertThat(policy.allows(new TotpParameters(TotpAlgorithm.SHA256, 6, 30))).isFalse();
    assertThat(policy.allows(new TotpParameters(TotpAlgorithm.SHA1, 8, 30))).isFalse();
    assertThat(policy.allows(new TotpParameters(TotpAlgorithm.SHA1, 6, 60))).isFalse();
  }

  @Test
  void omittedListsMeanOnlyTheDefault() {
    TotpEnrolmentPolicy policy = new TotpEnrolmentPolicy(config("sha512", 6, 30, null, null, null));

    assertThat(policy.allowedAlgorithms()).containsExactly(TotpAlgorithm.SHA512);
    assertThat(policy.allowedDigits()).containsExactly(6);
    assertThat(policy.allowedPeriods()).containsExactly(30);
  }

  @Test
  void refusesAnUnknownAlgorithm() {
    assertThatThrownBy(() -> new TotpEnrolmentPolicy(config("sha1", 6, 30, List.of("md5"), null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("md5");
  }

  private static TotpConfig config(
      String algorithm, int digits, int period, List<String> algorithms, List<Integer> allowedDigits,
      List<Integer> periods) {
    return new TotpConfig(false, "Authelia", algorithm, digits, period, 1, 32, algorithms, allowedDigits, periods, false);
  }
}
