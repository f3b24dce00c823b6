package dev.gatehouse.browser;

import static dev.gatehouse.browser.SeedClientFlow.consentIfAsked;
import static dev.gatehouse.browser.SeedClientFlow.signInWithPassword;
import static dev.gatehouse.browser.SeedClientFlow.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.browser.SeedClientFlow.Login;
import dev.gatehouse.browser.SeedClientFlow.SignedIn;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.CallbackServer;
import dev.gatehouse.testing.HeadlessChromium;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The seed's LibreChat client, pasted as the guide gives it, logged into by a user in a real
 * headless Chromium: password, TOTP enrolment with a one-time code from the notifier, consent,
 * callback, userinfo; a second login with password + TOTP; a replayed code refused; logout.
 * Each notifier (filesystem, SMTP) runs the same story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibreChatLoginContract {

  TestGatehouse gatehouse;
  CallbackServer client;
  SeedClientFlow flow;

  /** The {@code notifier} section, starting whatever it needs. */
  abstract String notifierYaml(Path directory);

  /** The one-time code of the latest message the user was sent. */
  abstract String lastOneTimeCode();

  /** A name for the screenshots. */
  abstract String variant();

  void stopNotifier() {
  }

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    client = CallbackServer.start();
    String seedClient = TestGatehouse.seedLibreChatClient(client.redirectUri(), List.of());
    gatehouse = TestGatehouse.start(directory, seedClient, TestGatehouse.storageLocal(directory),
        notifierYaml(directory));
    flow = new SeedClientFlow(client, OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl())));
  }

  @AfterAll
  void stop() {
    if (gatehouse != null) {
      gatehouse.close();
    }
    if (client != null) {
      client.close();
    }
    stopNotifier();
  }

  @Test
  void enrolThenSignInWithTotpThenReplayIsRefusedThenLogout() throws Exception {
    AuthenticatorApp phone;
    try (HeadlessChromium chromium = HeadlessChromium.start(variant() + "-first-login")) {
      WebDriver browser = chromium.driver();
      Login login = startLogin(browser);
      signInWithPassword(chromium);

      assertThat(browser.getCurrentUrl()).endsWith("/totp/enrol");
      chromium.screenshot("identity-verification");
      browser.findElement(By.id("code")).sendKeys(lastOneTimeCode());
      submit(browser);

      assertThat(browser.findElement(By.cssSelector("img.qr")).getAttribute("src")).startsWith("data:image/png;base64,");
      chromium.screenshot("totp-enrolment");
      phone = new AuthenticatorApp(browser.findElement(By.id("secret")).getText());
      browser.findElement(By.id("code")).sendKeys(phone.code(0));
      submit(browser);

      consentIfAsked(chromium);
      chromium.screenshot("back-at-client");
      UserInfo userInfo = finish(browser, login);
      assertThat(userInfo.getEmailAddress()).isEqualTo("john@example.com");
    }

    String nextCode = phone.code(1);
    try (HeadlessChromium chromium = HeadlessChromium.start(variant() + "-second-login")) {
      WebDriver browser = chromium.driver();
      Login login = startLogin(browser);
      signInWithPassword(chromium);
      assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
      assertThat(browser.findElement(By.id("code")).getAttribute("autocomplete")).isEqualTo("one-time-code");
      assertThat(browser.findElement(By.id("code")).getAttribute("inputmode")).isEqualTo("numeric");
      chromium.screenshot("totp-sign-in");
      browser.findElement(By.id("code")).sendKeys(nextCode);
      submit(browser);
      consentIfAsked(chromium);
      assertThat(finish(browser, login).getEmailAddress()).isEqualTo("john@example.com");

      browser.get(gatehouse.baseUrl() + "/api/oidc/end-session?client_id=librechat");
      chromium.screenshot("signed-out");
      startLogin(browser);
      assertThat(browser.getCurrentUrl()).as("logout ended the session").endsWith("/login");
    }

    try (HeadlessChromium chromium = HeadlessChromium.start(variant() + "-replay")) {
      WebDriver browser = chromium.driver();
      startLogin(browser);
      signInWithPassword(chromium);
      browser.findElement(By.id("code")).sendKeys(nextCode);
      submit(browser);
      assertThat(browser.getCurrentUrl()).contains("/login/totp");
      assertThat(browser.findElement(By.id("code-error")).getText()).contains("already used");
      chromium.screenshot("replay-refused");
    }
  }

  private Login startLogin(WebDriver browser) {
    return flow.start(browser, Map.of());
  }

  private UserInfo finish(WebDriver browser, Login login) throws Exception {
    SignedIn signedIn = flow.finish(browser, login);
    assertThat(signedIn.idToken().getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    return signedIn.userInfo();
  }
}
