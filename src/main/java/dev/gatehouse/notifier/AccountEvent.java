package dev.gatehouse.notifier;

/** A security change the user is told about afterwards; the titles are Authelia's, so subjects match. */
public enum AccountEvent {

  TOTP_DEVICE_ADDED("Second Factor Method Added", "a one-time password device was added to your account."),
  TOTP_DEVICE_REMOVED("Second Factor Method Removed", "a one-time password device was removed from your account.");

  static final String CATEGORY = "One-Time Password";

  private final String title;
  private final String sentence;

  AccountEvent(String title, String sentence) {
    this.title = title;
    this.sentence = sentence;
  }

  public String title() {
    return title;
  }

  String sentence() {
    return sentence;
  }
}
