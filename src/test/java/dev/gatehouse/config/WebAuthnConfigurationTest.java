package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.SecondFactorMethod;
import dev.gatehouse.config.schema.WebAuthnConfig.Attachment;
import dev.gatehouse.config.schema.WebAuthnConfig.ConveyancePreference;
import dev.gatehouse.config.schema.WebAuthnConfig.Filtering;
import dev.gatehouse.config.schema.WebAuthnConfig.Requirement;
import dev.gatehouse.config.schema.WebAuthnConfig.SelectionCriteria;
import dev.gatehouse.config.schema.WebAuthnConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code webauthn} and {@code default_2fa_method}: Authelia 4.39's defaults, checks and texts. */
class WebAuthnConfigurationTest {

  private static final UUID YUBIKEY_5 = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");
  private static final WebAuthnConfig DEFAULTS = new WebAuthnConfig(false, false, false, false, "Authelia",
      ConveyancePreference.INDIRECT, Duration.ofSeconds(60),
      new SelectionCriteria(null, Requirement.PREFERRED, Requirement.PREFERRED),
      new Filtering(false, List.of(), List.of()));

  private static LoadResult webauthn(String yaml) {
    return load(MINIMAL + "webauthn:\n" + yaml.stripIndent().indent(2));
  }

  @Test
  void absentItHasAutheliasDefaultsAndNoDefaultMethod() {
    LoadResult result = load(MINIMAL);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.configuration().webAuthn()).isEqualTo(DEFAULTS);
    assertThat(result.configuration().default2faMethod()).isNull();
  }

  @Test
  void everyKeyIsBoundAndNoneReportedAsUnsupported() {
    LoadResult result = webauthn("""
        disable: false
        enable_passkey_login: true
        experimental_enable_passkey_uv_two_factors: true
        experimental_enable_passkey_upgrade: true
        display_name: 'Example'
        attestation_conveyance_preference: 'direct'
        timeout: '2m'
        selection_criteria:
          attachment: 'cross-platform'
          discoverability: 'required'
          user_verification: 'discouraged'
        filtering:
          prohibit_backup_eligibility: true
          permitted_aaguids: ['cb69481e-8ff7-4039-93ec-0a2729a154a8']
          prohibited_aaguids: []
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.configuration().webAuthn()).isEqualTo(new WebAuthnConfig(false, true, true, true, "Example",
        ConveyancePreference.DIRECT, Duration.ofMinutes(2),
        new SelectionCriteria(Attachment.CROSS_PLATFORM, Requirement.REQUIRED, Requirement.DISCOURAGED),
        new Filtering(true, List.of(YUBIKEY_5), List.of())));
  }

  @Test
  void disabledItIsNotWarnedAbout() {
    LoadResult result = webauthn("disable: true\n");

    assertThat(result.warnings()).isEmpty();
    assertThat(result.configuration().webAuthn().disable()).isTrue();
  }

  @Test
  void emptyOrNonPositiveValuesTakeTheDefaults() {
    LoadResult result = webauthn("""
        display_name: ''
        timeout: -1
        attestation_conveyance_preference: ''
        selection_criteria:
          attachment: ''
          discoverability: ''
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().webAuthn()).isEqualTo(DEFAULTS);
    assertThat(webauthn("timeout: 0\n").configuration().webAuthn().timeout()).hasSeconds(60);
  }

  @ParameterizedTest
  @CsvSource({"none, NONE", "indirect, INDIRECT", "direct, DIRECT"})
  void conveyancePreferences(String configured, ConveyancePreference expected) {
    assertThat(webauthn("attestation_conveyance_preference: '" + configured + "'\n").configuration().webAuthn()
        .attestationConveyancePreference()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"platform, PLATFORM", "cross-platform, CROSS_PLATFORM"})
  void attachments(String configured, Attachment expected) {
    assertThat(webauthn("selection_criteria:\n  attachment: '" + configured + "'\n").configuration().webAuthn()
        .selectionCriteria().attachment()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"discouraged, DISCOURAGED", "preferred, PREFERRED", "required, REQUIRED"})
  void discoverabilityAndUserVerification(String configured, Requirement expected) {
    SelectionCriteria criteria = webauthn("selection_criteria:\n  discoverability: '" + configured
        + "'\n  user_verification: '" + configured + "'\n").configuration().webAuthn().selectionCriteria();

    assertThat(criteria.discoverability()).isEqualTo(expected);
    assertThat(criteria.userVerification()).isEqualTo(expected);
  }

  @Test
  void choicesOutsideAutheliasAreErrorsInItsWords() {
    LoadResult result = webauthn("""
        attestation_conveyance_preference: 'Direct'
        selection_criteria:
          attachment: 'usb'
          discoverability: 'always'
          user_verification: 'yes'
        """);

    assertThat(result.errors()).containsExactly(
        "webauthn.attestation_conveyance_preference: must be one of 'none', 'indirect', or 'direct' but it's"
            + " configured as 'Direct'",
        "webauthn.selection_criteria.attachment: must be one of 'platform' or 'cross-platform' but it's"
            + " configured as 'usb'",
        "webauthn.selection_criteria.discoverability: must be one of 'discouraged', 'preferred', or 'required'"
            + " but it's configured as 'always'",
        "webauthn.selection_criteria.user_verification: must be one of 'discouraged', 'preferred', or"
            + " 'required' but it's configured as 'yes'");
  }

  @Test
  void passkeyLoginNeedsWebAuthnAndTheExperimentsNeedPasskeyLogin() {
    assertThat(webauthn("disable: true\nenable_passkey_login: true\n").errors()).containsExactly(
        "webauthn.enable_passkey_login: is true but it must be false when 'disable' is true");
    assertThat(webauthn("""
        experimental_enable_passkey_uv_two_factors: true
        experimental_enable_passkey_upgrade: true
        """).errors()).containsExactly(
        "webauthn.experimental_enable_passkey_uv_two_factors: is true but it must be false when"
            + " 'enable_passkey_login' is false",
        "webauthn.experimental_enable_passkey_upgrade: is true but it must be false when"
            + " 'enable_passkey_login' is false");
  }

  @Test
  void passkeyLoginWithDiscouragedDiscoverabilityIsWarned() {
    LoadResult result = webauthn("""
        enable_passkey_login: true
        selection_criteria:
          discoverability: 'discouraged'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly("webauthn.selection_criteria.discoverability: should generally"
        + " be configured as 'preferred' or 'required' when passkey logins are enabled");
  }

  @Test
  void aaguidsInEachFormTheUuidLibraryReads() {
    LoadResult result = webauthn("""
        filtering:
          prohibited_aaguids:
            - 'CB69481E-8FF7-4039-93EC-0A2729A154A8'
            - '{cb69481e-8ff7-4039-93ec-0a2729a154a8}'
            - 'urn:uuid:cb69481e-8ff7-4039-93ec-0a2729a154a8'
            - 'cb69481e8ff7403993ec0a2729a154a8'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().webAuthn().filtering().prohibitedAaguids())
        .containsExactly(YUBIKEY_5, YUBIKEY_5, YUBIKEY_5, YUBIKEY_5);
  }

  @Test
  void aaguidsThatAreNoUuidsAreErrorsInTheUuidLibrarysWords() {
    LoadResult result = webauthn("""
        filtering:
          prohibited_aaguids:
            - 'cb69481e-4039-93ec-0a2729a154a8'
            - 'cb69481e-8ff7-4039-93ec_0a2729a154a8'
            - 'urn:uid::cb69481e-8ff7-4039-93ec-0a2729a154a8'
            - '1-2-3-4-5'
        """);

    String list = "webauthn.filtering.prohibited_aaguids";
    assertThat(result.errors()).containsExactly(
        list + "[0]: could not decode 'cb69481e-4039-93ec-0a2729a154a8' to a uuid.UUID: invalid UUID length: 31",
        list + "[1]: could not decode 'cb69481e-8ff7-4039-93ec_0a2729a154a8' to a uuid.UUID: invalid UUID format",
        list + "[2]: could not decode 'urn:uid::cb69481e-8ff7-4039-93ec-0a2729a154a8' to a uuid.UUID: invalid urn"
            + " prefix: \"urn:uid::\"",
        list + "[3]: could not decode '1-2-3-4-5' to a uuid.UUID: invalid UUID length: 9");
  }

  @Test
  void permittedAndProhibitedAaguidsTogetherAreAnError() {
    LoadResult result = webauthn("""
        filtering:
          permitted_aaguids: ['cb69481e-8ff7-4039-93ec-0a2729a154a8']
          prohibited_aaguids: ['ee882879-721c-4913-9775-3dfcce97072a']
        """);

    assertThat(result.errors()).containsExactly("webauthn.filtering: option 'permitted_aaguids' and"
        + " 'prohibited_aaguids' are mutually exclusive however both have values");
  }

  @Test
  void metadataIsLeftToTheUnsupportedKeyWarning() {
    LoadResult result = webauthn("""
        metadata:
          enabled: true
          cache_policy: 'relaxed'
        """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly(
        "webauthn.metadata: not supported by Gatehouse yet and is ignored");
  }

  @Test
  void settingsFromEnvironmentVariables() {
    LoadResult result = load(Map.of("AUTHELIA_WEBAUTHN_SELECTION_CRITERIA_USER_VERIFICATION", "required",
        "GATEHOUSE_WEBAUTHN_FILTERING_PERMITTED_AAGUIDS", "cb69481e-8ff7-4039-93ec-0a2729a154a8",
        "GATEHOUSE_DEFAULT_2FA_METHOD", "webauthn"), MINIMAL);

    assertThat(result.errors()).isEmpty();
    assertThat(result.configuration().webAuthn().selectionCriteria().userVerification())
        .isEqualTo(Requirement.REQUIRED);
    assertThat(result.configuration().webAuthn().filtering().permittedAaguids()).containsExactly(YUBIKEY_5);
    assertThat(result.configuration().default2faMethod()).isEqualTo(SecondFactorMethod.WEBAUTHN);
  }

  @ParameterizedTest
  @CsvSource({"totp, TOTP", "webauthn, WEBAUTHN"})
  void defaultMethods(String configured, SecondFactorMethod expected) {
    LoadResult result = load(MINIMAL + "default_2fa_method: '" + configured + "'\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.configuration().default2faMethod()).isEqualTo(expected);
  }

  @Test
  void anEmptyDefaultMethodIsNone() {
    assertThat(load(MINIMAL + "default_2fa_method: ''\n").configuration().default2faMethod()).isNull();
  }

  @Test
  void aDefaultMethodAutheliaDoesNotHaveIsAnError() {
    assertThat(load(MINIMAL + "default_2fa_method: 'sms'\n").errors()).containsExactly(
        "default_2fa_method: must be one of 'totp', 'webauthn', or 'mobile_push' but it's configured as 'sms'");
  }

  @Test
  void duoIsNeverAnEnabledMethod() {
    assertThat(load(MINIMAL + "default_2fa_method: 'mobile_push'\n").errors()).containsExactly(
        "default_2fa_method: must be one of the enabled options 'totp' or 'webauthn' but it's configured as"
            + " 'mobile_push'; Duo is not supported by Gatehouse");
  }

  @Test
  void aDisabledMethodCannotBeTheDefault() {
    assertThat(load(MINIMAL + "default_2fa_method: 'webauthn'\nwebauthn:\n  disable: true\n").errors())
        .containsExactly("default_2fa_method: must be one of the enabled options 'totp' but it's configured as"
            + " 'webauthn'");
    assertThat(load(MINIMAL + "default_2fa_method: 'totp'\ntotp:\n  disable: true\n").errors())
        .containsExactly("default_2fa_method: must be one of the enabled options 'webauthn' but it's configured"
            + " as 'totp'");
  }
}
