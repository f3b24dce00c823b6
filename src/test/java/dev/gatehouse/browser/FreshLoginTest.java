package dev.gatehouse.browser;

import static dev.gatehouse.browser.SeedClientFlow.consentIfAsked;
import static dev.gatehouse.browser.SeedClientFlow.enrolTotp;
import static dev.gatehouse.browser.SeedClientFlow.enterTotp;
import static dev.gatehouse.browser.SeedClientFlow.signInWithPassword;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.browser.SeedClientFlow.Login;
import dev.gatehouse.browser.SeedClientFlow.SignedIn;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.CallbackServer;
import dev.gatehouse.testing.HeadlessChromium;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * OpenID Connect Core 3.1.2.1 in a real browser, with the seed's two_factor LibreChat client: a
 * client asking for a fresh login ({@code max_age=0}, {@code max_age=1} after the login aged,
 * {@code prompt=login}) shows the login again, and the password and TOTP code typed for it satisfy
 * it: a code comes back, with an {@code auth_time} of that login.
 */
class FreshLoginTest {

  @Test
  void aClientAskingForAFreshLoginGetsOneAfterPasswordAndTotp(@TempDir Path directory) throws Exception {
    CallbackServer client = CallbackServer.start();
    // Each login below uses a TOTP period of its own: a skew of 3 lets four of them be typed in a row.
    try (client; TestGatehouse gatehouse = TestGatehouse.startWithOverrides(directory,
        TestGatehouse.seedLibreChatClient(client.redirectUri(), List.of()), "totp:\n  skew: 3\n");
        HeadlessChromium chromium = HeadlessChromium.start("fresh-login")) {
      SeedClientFlow flow = new SeedClientFlow(client,
          OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl())));
      WebDriver browser = chromium.driver();
      long step = AuthenticatorApp.currentStep();

      Login login = flow.start(browser, Map.of());
      signInWithPassword(chromium);
      AuthenticatorApp phone = enrolTotp(browser, gatehouse.notificationFile(), step - 1);
      consentIfAsked(chromium);
      long firstLogin = flow.finish(browser, login).idToken().getDateClaim("auth_time").getTime() / 1000;

      Instant asked = Instant.now();
      signInAgain(flow, chromium, Map.of("max_age", "0"), phone.codeOfStep(step), asked);

      Thread.sleep(2_100);
      asked = Instant.now();
      signInAgain(flow, chromium, Map.of("max_age", "1"), phone.codeOfStep(step + 1), asked);

      asked = Instant.now();
      SignedIn last = signInAgain(flow, chromium, Map.of("prompt", "login"), phone.codeOfStep(step + 2), asked);
      assertThat(last.idToken().getDateClaim("auth_time").getTime() / 1000).isGreaterThan(firstLogin);
    }
  }

  /** The login page comes back for {@code parameters}; password and TOTP bring a code for a login made then. */
  private static SignedIn signInAgain(SeedClientFlow flow, HeadlessChromium chromium, Map<String, String> parameters,
      String totpCode, Instant asked) throws Exception {
    WebDriver browser = chromium.driver();
    Login login = flow.start(browser, parameters);
    assertThat(browser.getCurrentUrl()).as("%s shows the login again", parameters).endsWith("/login");
    signInWithPassword(chromium);
    // A person takes a moment to read the code off the phone: longer than max_age=1 allows.
    Thread.sleep(1_500);
    enterTotp(browser, totpCode);
    consentIfAsked(chromium);
    SignedIn signedIn = flow.finish(browser, login);
    assertThat(signedIn.idToken().getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    assertThat(signedIn.idToken().getDateClaim("auth_time").toInstant())
        .as("auth_time is the login done for %s", parameters).isAfterOrEqualTo(asked.minusSeconds(1));
    return signedIn;
  }
}
