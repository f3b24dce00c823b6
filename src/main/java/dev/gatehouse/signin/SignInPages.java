package dev.gatehouse.signin;

/**
 * Where a sign-in happens, named once for the portal that serves the pages and the authorization
 * endpoint that sends users to them.
 */
public final class SignInPages {

  public static final String LOGIN = "/login";
  public static final String LOGIN_FAILED = LOGIN + "?error";
  /** Sends a user who proved one factor on to the next: {@link #TOTP}, {@link #SECURITY_KEY} or {@link #PASSWORD}. */
  public static final String SECOND_FACTOR = LOGIN + "/second-factor";
  public static final String TOTP = LOGIN + "/totp";
  public static final String SECURITY_KEY = LOGIN + "/webauthn";
  /** The password, asked after a passkey sign-in for a client that wants two factors. */
  public static final String PASSWORD = LOGIN + "/password";
  /** Where the login page posts a passkey's answer. */
  public static final String PASSKEY = LOGIN + "/passkey";
  /** Session attribute: the {@code login_hint} of the authorization request, which prefills the username. */
  public static final String LOGIN_HINT = SignInPages.class.getName() + ".loginHint";

  private SignInPages() {
  }
}
