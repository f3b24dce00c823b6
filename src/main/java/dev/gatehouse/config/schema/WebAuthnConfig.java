package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code webauthn}: security keys and passkeys, as a second factor and, with
 * {@code enable_passkey_login}, as a way to sign in; Authelia 4.39's keys and defaults.
 * {@code metadata} (checking authenticators against the FIDO Metadata Service) is not read:
 * Gatehouse does not fetch that service's list, so its keys draw the unsupported-key warning
 * instead of being accepted and not enforced.
 *
 * @param enablePasskeyUvTwoFactors {@code experimental_enable_passkey_uv_two_factors}: a passkey
 *     sign-in with user verification counts as two factors
 * @param enablePasskeyUpgrade {@code experimental_enable_passkey_upgrade}: a new credential the
 *     browser does not report as discoverable is treated as a passkey all the same
 * @param displayName the relying party's name, which the browser may show
 * @param timeout how long the browser waits for the user during a ceremony
 */
public record WebAuthnConfig(
    boolean disable,
    boolean enablePasskeyLogin,
    boolean enablePasskeyUvTwoFactors,
    boolean enablePasskeyUpgrade,
    String displayName,
    ConveyancePreference attestationConveyancePreference,
    Duration timeout,
    SelectionCriteria selectionCriteria,
    Filtering filtering) {

  /** Authelia's, as for {@code totp.issuer}, so that credentials moved over show the same name. */
  public static final String DEFAULT_DISPLAY_NAME = "Authelia";
  public static final ConveyancePreference DEFAULT_CONVEYANCE_PREFERENCE = ConveyancePreference.INDIRECT;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final Requirement DEFAULT_DISCOVERABILITY = Requirement.PREFERRED;
  public static final Requirement DEFAULT_USER_VERIFICATION = Requirement.PREFERRED;

  /**
   * {@code selection_criteria}: what a new credential should be.
   *
   * @param attachment null when any authenticator will do
   * @param discoverability whether the credential should be discoverable (a passkey)
   */
  public record SelectionCriteria(Attachment attachment, Requirement discoverability, Requirement userVerification) {
  }

  /** {@code filtering}: which authenticators may be registered, by model (AAGUID) and backup. */
  public record Filtering(boolean prohibitBackupEligibility, List<UUID> permittedAaguids,
      List<UUID> prohibitedAaguids) {
  }

  /** {@code attestation_conveyance_preference}: how much the authenticator says about its model. */
  public enum ConveyancePreference implements ConfiguredName {
    NONE("none"),
    INDIRECT("indirect"),
    DIRECT("direct");

    private final String configured;

    ConveyancePreference(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }

  /** {@code selection_criteria.attachment}: built into the device, or carried from one to another. */
  public enum Attachment implements ConfiguredName {
    PLATFORM("platform"),
    CROSS_PLATFORM("cross-platform");

    private final String configured;

    Attachment(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }

  /** {@code discoverability} and {@code user_verification}: WebAuthn's three degrees of asking. */
  public enum Requirement implements ConfiguredName {
    DISCOURAGED("discouraged"),
    PREFERRED("preferred"),
    REQUIRED("required");

    private final String configured;

    Requirement(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }
}
