package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.WebAuthnConfig.Attachment;
import dev.gatehouse.config.schema.WebAuthnConfig.ConveyancePreference;
import dev.gatehouse.config.schema.WebAuthnConfig.Filtering;
import dev.gatehouse.config.schema.WebAuthnConfig.Requirement;
import dev.gatehouse.config.schema.WebAuthnConfig.SelectionCriteria;
import dev.gatehouse.config.schema.WebAuthnConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code webauthn}, with Authelia's defaults, rules and texts (its {@code validator/webauthn.go}). */
final class WebAuthnBinder {

  private static final String PASSKEY_LOGIN = "enable_passkey_login";

  private WebAuthnBinder() {
  }

  static WebAuthnConfig bind(ConfigNode webauthn) {
    boolean disable = webauthn.child("disable").bool(false);
    ConfigNode passkeyLoginNode = webauthn.child(PASSKEY_LOGIN);
    boolean passkeyLogin = passkeyLoginNode.bool(false);
    ConfigNode uvTwoFactorsNode = webauthn.child("experimental_enable_passkey_uv_two_factors");
    boolean uvTwoFactors = uvTwoFactorsNode.bool(false);
    ConfigNode upgradeNode = webauthn.child("experimental_enable_passkey_upgrade");
    boolean upgrade = upgradeNode.bool(false);
    if (passkeyLogin && disable) {
      passkeyLoginNode.error(mustBeFalseWhen("disable", true));
    }
    if (!passkeyLogin && uvTwoFactors) {
      uvTwoFactorsNode.error(mustBeFalseWhen(PASSKEY_LOGIN, false));
    }
    if (!passkeyLogin && upgrade) {
      upgradeNode.error(mustBeFalseWhen(PASSKEY_LOGIN, false));
    }
    String displayName = webauthn.child("display_name").string(WebAuthnConfig.DEFAULT_DISPLAY_NAME);
    ConveyancePreference conveyance = webauthn.child("attestation_conveyance_preference")
        .choice(WebAuthnConfig.DEFAULT_CONVEYANCE_PREFERENCE, ConveyancePreference.class);
    Duration timeout = webauthn.child("timeout").positiveDuration(WebAuthnConfig.DEFAULT_TIMEOUT);
    SelectionCriteria criteria = selectionCriteria(webauthn.child("selection_criteria"), passkeyLogin);
    Filtering filtering = filtering(webauthn.child("filtering"));
    return new WebAuthnConfig(disable, passkeyLogin, uvTwoFactors, upgrade, displayName, conveyance, timeout,
        criteria, filtering);
  }

  /** Authelia's {@code errFmtWebAuthnBoolean}: an option set to true that another option's value rules out. */
  private static String mustBeFalseWhen(String other, boolean otherValue) {
    return "is true but it must be false when '" + other + "' is " + otherValue;
  }

  private static SelectionCriteria selectionCriteria(ConfigNode criteria, boolean passkeyLogin) {
    Attachment attachment = criteria.child("attachment").choiceOrNull(Attachment.class);
    ConfigNode discoverabilityNode = criteria.child("discoverability");
    Requirement discoverability = discoverabilityNode.choice(WebAuthnConfig.DEFAULT_DISCOVERABILITY,
        Requirement.class);
    Requirement userVerification = criteria.child("user_verification")
        .choice(WebAuthnConfig.DEFAULT_USER_VERIFICATION, Requirement.class);
    if (passkeyLogin && discoverability == Requirement.DISCOURAGED) {
      discoverabilityNode.warn("should generally be configured as 'preferred' or 'required' when passkey logins"
          + " are enabled");
    }
    return new SelectionCriteria(attachment, discoverability, userVerification);
  }

  private static Filtering filtering(ConfigNode filtering) {
    boolean prohibitBackupEligibility = filtering.child("prohibit_backup_eligibility").bool(false);
    List<UUID> permitted = aaguids(filtering.child("permitted_aaguids"));
    List<UUID> prohibited = aaguids(filtering.child("prohibited_aaguids"));
    if (!permitted.isEmpty() && !prohibited.isEmpty()) {
      filtering.error("option 'permitted_aaguids' and 'prohibited_aaguids' are mutually exclusive however both"
          + " have values");
    }
    return new Filtering(prohibitBackupEligibility, permitted, prohibited);
  }

  private static List<UUID> aaguids(ConfigNode node) {
    List<String> texts = node.strings(List.of());
    List<UUID> aaguids = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      UUID aaguid = Uuids.parse(texts.get(i), node.element(i));
      if (aaguid != null) {
        aaguids.add(aaguid);
      }
    }
    return List.copyOf(aaguids);
  }
}
