package dev.gatehouse.portal;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.SecondFactorMethod;
import dev.gatehouse.signin.SignInPages;

/**
 * Which second factor a user who gave their password is asked for: the one they have, or, when they
 * have both, {@code default_2fa_method} (Authelia's first enabled method when unset); a way to
 * switch to the other is on each page. A user with neither is sent to set up the default one.
 */
public record SecondFactorChoice(SecondFactorMethod preferred, boolean totpEnabled, boolean webAuthnEnabled) {

  static final String SECURITY_KEYS_PAGE = "/webauthn";

  public static SecondFactorChoice of(Configuration configuration) {
    boolean totp = !configuration.totp().disable();
    boolean webAuthn = !configuration.webAuthn().disable();
    SecondFactorMethod preferred = configuration.default2faMethod() != null ? configuration.default2faMethod()
        : totp || !webAuthn ? SecondFactorMethod.TOTP : SecondFactorMethod.WEBAUTHN;
    return new SecondFactorChoice(preferred, totp, webAuthn);
  }

  /** The page to go to, for a user holding a TOTP device and/or security keys. */
  public String pageFor(boolean hasTotp, boolean hasKeys) {
    boolean totp = totpEnabled && hasTotp;
    boolean keys = webAuthnEnabled && hasKeys;
    if (totp && keys) {
      return preferred == SecondFactorMethod.WEBAUTHN ? SignInPages.SECURITY_KEY : SignInPages.TOTP;
    }
    if (totp || keys) {
      return totp ? SignInPages.TOTP : SignInPages.SECURITY_KEY;
    }
    return webAuthnEnabled && (preferred == SecondFactorMethod.WEBAUTHN || !totpEnabled)
        ? SECURITY_KEYS_PAGE : TotpEnrolmentController.ENROL_PAGE;
  }
}
