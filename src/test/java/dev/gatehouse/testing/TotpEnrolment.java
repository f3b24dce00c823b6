package dev.gatehouse.testing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a TOTP device the way a user does, from the enrolment page's identity step: the mailed
 * one-time code, then the secret shown on the page typed into an authenticator app, then its code.
 */
public final class TotpEnrolment {

  private static final Pattern SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7 ]+)</code>");

  /** What the user saw and typed, and where the last step sent the browser. */
  public record Result(String oneTimeCode, String secret, String firstCode, AuthenticatorApp phone,
      HttpResponse<String> response) {
  }

  private TotpEnrolment() {
  }

  public static Result complete(UserAgent browser, HttpResponse<String> identityPage, Path notificationFile) {
    String oneTimeCode = NotificationFile.oneTimeCode(notificationFile);
    HttpResponse<String> devicePage = browser.submit(identityPage, "/totp/enrol/identity", Map.of("code", oneTimeCode));
    String secret = secretOn(devicePage);
    AuthenticatorApp phone = new AuthenticatorApp(secret);
    String code = phone.code(0);
    return new Result(oneTimeCode, secret, code, phone,
        browser.submit(devicePage, "/totp/enrol/device", Map.of("code", code)));
  }

  /** The base32 secret the device page shows for typing in by hand. */
  public static String secretOn(HttpResponse<String> devicePage) {
    Matcher secret = SECRET.matcher(devicePage.body());
    if (!secret.find()) {
      throw new AssertionError("no TOTP secret on the page:\n" + devicePage.body());
    }
    return secret.group(1).replace(" ", "");
  }
}
