package dev.gatehouse.notifier;

/** A security change the user is told about afterwards; titles and categories are Authelia's, so subjects match. */
public enum AccountEvent {

  TOTP_DEVICE_ADDED("Second Factor Method Added", "a one-time password device was added to your account.",
      AccountEvent.ONE_TIME_PASSWORD),
  TOTP_DEVICE_REMOVED("Second Factor Method Removed", "a one-time password device was removed from your account.",
      AccountEvent.ONE_TIME_PASSWORD),
  WEBAUTHN_CREDENTIAL_ADDED("Second Factor Method Added",
      "a security key or passkey was added to your account.", AccountEvent.WEBAUTHN_CREDENTIAL),
  WEBAUTHN_CREDENTIAL_REMOVED("Second Factor Method Removed",
      "a security key or passkey was removed from your account.", AccountEvent.WEBAUTHN_CREDENTIAL);

  private static final String ONE_TIME_PASSWORD = "One-Time Password";
  private static final String WEBAUTHN_CREDENTIAL = "WebAuthn Credential";

  private final String title;
  private final String sentence;
  private final String category;

  AccountEvent(String title, String sentence, String category) {
    this.title = title;
    this.sentence = sentence;
    this.category = category;
  }

  public String title() {
    return title;
  }

  String sentence() {
    return sentence;
  }

  String category() {
    return category;
  }
}
