package dev.gatehouse.signin;

/**
 * Where a sign-in happens, named once for the portal that serves the pages and the authorization
 * endpoint that sends users to them.
 */
public final class SignInPages {

  public static final String LOGIN = "/login";
  public static final String LOGIN_FAILED = LOGIN + "?error";
  public static final String SECOND_FACTOR = LOGIN + "/totp";
  /** Session attribute: the {@code login_hint} of the authorization request, which prefills the username. */
  public static final String LOGIN_HINT = SignInPages.class.getName() + ".loginHint";

  private SignInPages() {
  }
}
