package dev.gatehouse.browser;

import static dev.gatehouse.browser.SeedClientFlow.consentIfAsked;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.browser.SeedClientFlow.Login;
import dev.gatehouse.browser.SeedClientFlow.SignedIn;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.CallbackServer;
import dev.gatehouse.testing.HeadlessChromium;
import dev.gatehouse.testing.LogLines;
import dev.gatehouse.testing.NotificationFile;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.webauthn.WebAuthnSignIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport;

/**
 * Security keys and passkeys in headless Chromium, with the DevTools protocol's virtual
 * authenticators standing in for a USB security key and a phone's passkey. The seed's two_factor
 * LibreChat client and a one_factor client, with {@code default_2fa_method: webauthn} and passkey
 * sign-in on. The browser is at {@code localhost}, the RP ID: WebAuthn refuses an IP address.
 */
class SecurityKeyLoginTest {

  private static final ClientID WIKI = new ClientID("wiki");
  private static final String OVERRIDES = """
      default_2fa_method: 'webauthn'
      webauthn:
        enable_passkey_login: true
        display_name: 'Gatehouse tests'
      totp:
        skew: 3
      """;

  @Test
  void securityKeysAndPasskeysFromRegistrationToRemovalAndAClonedKeyRefused(@TempDir Path directory)
      throws Exception {
    CallbackServer client = CallbackServer.start();
    try (client; TestGatehouse gatehouse = TestGatehouse.startWithOverrides(directory, clients(client), OVERRIDES);
        HeadlessChromium chromium = HeadlessChromium.start("security-keys");
        LogLines signInLog = LogLines.of(WebAuthnSignIn.class)) {
      String origin = "http://localhost:" + gatehouse.port();
      OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(origin));
      SeedClientFlow librechat = new SeedClientFlow(client, provider);
      SeedClientFlow wiki = new SeedClientFlow(client, provider, WIKI, new Secret(TestGatehouse.APP_SECRET));
      WebDriver browser = chromium.driver();
      Pages pages = new Pages(chromium, gatehouse);

      // A USB security key that keeps no credential of its own (not a passkey), verifying its user by PIN.
      VirtualAuthenticator usbKey = chromium.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
          .setProtocol(Protocol.CTAP2).setTransport(Transport.USB).setHasResidentKey(false)
          .setHasUserVerification(true).setIsUserVerified(true));

      // First login: no second factor yet, so after the password the key is registered (webauthn is the default).
      Login login = librechat.start(browser, Map.of());
      pages.password();
      assertThat(browser.getCurrentUrl()).endsWith("/webauthn");
      pages.identityCode("manage your security keys and passkeys");
      pages.addKey("YubiKey");
      consentIfAsked(chromium);
      SignedIn registered = librechat.finish(browser, login);
      assertThat(registered.idToken().getStringListClaim("amr")).containsExactly("pwd", "pop", "hwk", "user", "pin",
          "mfa");
      Credential copied = usbKey.getCredentials().get(0);

      // Password and security key, as every later login to LibreChat asks.
      login = librechat.start(browser, Map.of("prompt", "login"));
      pages.password();
      pages.useKey();
      consentIfAsked(chromium);
      assertThat(librechat.finish(browser, login).idToken().getStringListClaim("amr"))
          .containsExactly("pwd", "pop", "hwk", "user", "pin", "mfa");

      // An authenticator app beside the key; then switching from the key to the app and back.
      // The emailed code of the key's registration still stands (10 minutes), for the app as for keys.
      browser.get(origin + "/totp/enrol");
      AuthenticatorApp phone = new AuthenticatorApp(browser.findElement(By.id("secret")).getText());
      long step = AuthenticatorApp.currentStep();
      browser.findElement(By.id("code")).sendKeys(phone.codeOfStep(step - 1));
      pages.submit(By.cssSelector("form button[type=submit]"));
      login = librechat.start(browser, Map.of("prompt", "login"));
      pages.password();
      assertThat(browser.getCurrentUrl()).as("the default method first").endsWith("/login/webauthn");
      pages.follow("use-totp", "/login/totp");
      pages.follow("use-security-key", "/login/webauthn");
      pages.follow("use-totp", "/login/totp");
      browser.findElement(By.id("code")).sendKeys(phone.codeOfStep(step));
      pages.submit(By.cssSelector("form button[type=submit]"));
      consentIfAsked(chromium);
      assertThat(librechat.finish(browser, login).idToken().getStringListClaim("amr"))
          .containsExactly("pwd", "otp", "mfa");

      // A passkey on a phone-like authenticator, added from the account page.
      chromium.driver().removeVirtualAuthenticator(usbKey);
      VirtualAuthenticator passkeys = chromium.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
          .setProtocol(Protocol.CTAP2).setTransport(Transport.INTERNAL).setHasResidentKey(true)
          .setHasUserVerification(true).setIsUserVerified(true));
      browser.get(origin + "/");
      pages.follow("manage-keys", "/webauthn");
      pages.identityCode("manage your security keys and passkeys");
      pages.addKey("Phone");
      assertThat(pages.keyNames()).containsExactly("YubiKey", "Phone");
      assertThat(browser.findElement(By.cssSelector("[data-key='Phone'] .details")).getText()).startsWith("Passkey");
      chromium.screenshot("keys-listed");
      signOut(pages, browser, origin);

      // A passkey alone signs in to a one_factor client: no username, no password.
      login = wiki.start(browser, Map.of());
      assertThat(browser.findElement(By.id("username")).getAttribute("autocomplete")).isEqualTo("username webauthn");
      chromium.screenshot("login-with-passkey-button");
      pages.submit(By.id("passkey-sign-in"));
      consentIfAsked(chromium);
      assertThat(wiki.finish(browser, login).idToken().getStringListClaim("amr"))
          .containsExactly("pop", "swk", "user", "pin");

      // The browser's autofill offers the passkey once the user turns to the username field.
      signOut(pages, browser, origin);
      login = wiki.start(browser, Map.of());
      browser.findElement(By.id("username")).click();
      assertThat(wiki.finish(browser, login).idToken().getStringListClaim("amr"))
          .containsExactly("pop", "swk", "user", "pin");

      // The two_factor client then asks for the password, as Authelia does after a passkey.
      login = librechat.start(browser, Map.of());
      assertThat(browser.getCurrentUrl()).endsWith("/login/password");
      chromium.screenshot("password-after-passkey");
      browser.findElement(By.id("password")).sendKeys(TestGatehouse.PASSWORD);
      pages.submit(By.cssSelector("form button[type=submit]"));
      consentIfAsked(chromium);
      assertThat(librechat.finish(browser, login).idToken().getStringListClaim("amr"))
          .containsExactly("pwd", "pop", "swk", "user", "pin", "mfa");

      // Renaming one key and removing the other; the removed passkey signs nobody in any more.
      browser.get(origin + "/webauthn");
      pages.identityCode("manage your security keys and passkeys");
      WebElement rename = browser.findElement(By.cssSelector("[data-key='YubiKey'] input[name=name]"));
      rename.clear();
      rename.sendKeys("Office YubiKey");
      pages.submit(By.cssSelector("[data-key='YubiKey'] form:first-of-type button"));
      pages.submit(By.cssSelector("[data-key='Phone'] button[aria-label='Remove Phone']"));
      assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("The key was removed.");
      assertThat(pages.keyNames()).containsExactly("Office YubiKey");
      chromium.screenshot("key-removed");
      signOut(pages, browser, origin);
      wiki.start(browser, Map.of());
      pages.submit(By.id("passkey-sign-in"));
      assertThat(browser.getCurrentUrl()).endsWith("/login?error=passkey");
      assertThat(browser.findElement(By.id("passkey-error")).getText()).startsWith("That passkey was not accepted");
      chromium.screenshot("passkey-refused");

      // A copy of the security key made at its registration: its counter is behind, so it is refused.
      chromium.driver().removeVirtualAuthenticator(passkeys);
      VirtualAuthenticator copy = chromium.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
          .setProtocol(Protocol.CTAP2).setTransport(Transport.USB).setHasResidentKey(false)
          .setHasUserVerification(true).setIsUserVerified(true));
      copy.addCredential(Credential.createNonResidentCredential(copied.getId(), "localhost", copied.getPrivateKey(),
          copied.getSignCount()));
      librechat.start(browser, Map.of());
      pages.password();
      pages.useKey();
      assertThat(browser.getCurrentUrl()).endsWith("/login/webauthn?error=cloned");
      assertThat(browser.findElement(By.id("key-error")).getText()).contains("a copy of it may exist");
      chromium.screenshot("cloned-key-refused");
      assertThat(signInLog.lines()).anySatisfy(line -> assertThat(line)
          .contains("Credential 'Office YubiKey' of user 'john' reported counter").contains("it has been copied"));
    }
  }

  private static void signOut(Pages pages, WebDriver browser, String origin) {
    browser.get(origin + "/");
    pages.submit(By.cssSelector("form[action$='/logout'] button"));
  }

  private static String clients(CallbackServer client) {
    return TestGatehouse.seedLibreChatClient(client.redirectUri(), List.of()) + """
              - client_id: 'wiki'
                client_secret: '%s'
                authorization_policy: 'one_factor'
                consent_mode: 'implicit'
                redirect_uris: ['%s']
                scopes: ['openid', 'profile', 'email']
                token_endpoint_auth_method: 'client_secret_basic'
        """.formatted(TestGatehouse.APP_SECRET_DIGEST, client.redirectUri());
  }

  /** What the user does on Gatehouse's pages, each step waiting for the page that answers it. */
  private record Pages(HeadlessChromium chromium, TestGatehouse gatehouse) {

    void password() {
      WebDriver browser = chromium.driver();
      assertThat(browser.getCurrentUrl()).endsWith("/login");
      browser.findElement(By.id("username")).sendKeys(TestGatehouse.USER);
      browser.findElement(By.id("password")).sendKeys(TestGatehouse.PASSWORD);
      submit(By.cssSelector("form[action$='/login'] button[type=submit]"));
    }

    void identityCode(String goal) throws Exception {
      WebDriver browser = chromium.driver();
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("Before you " + goal);
      chromium.screenshot("identity");
      browser.findElement(By.id("code")).sendKeys(NotificationFile.oneTimeCode(gatehouse.notificationFile()));
      submit(By.cssSelector("form button[type=submit]"));
    }

    void addKey(String name) {
      WebDriver browser = chromium.driver();
      assertThat(browser.getCurrentUrl()).contains("/webauthn");
      browser.findElement(By.id("name")).sendKeys(name);
      chromium.screenshot("add-" + name);
      submit(By.id("add-key"));
    }

    void useKey() {
      assertThat(chromium.driver().getCurrentUrl()).endsWith("/login/webauthn");
      chromium.screenshot("use-key");
      submit(By.id("use-key"));
    }

    void follow(String linkId, String path) {
      WebDriver browser = chromium.driver();
      browser.findElement(By.id(linkId)).click();
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith(path));
    }

    List<String> keyNames() {
      return chromium.driver().findElements(By.cssSelector(".keys li > strong")).stream().map(WebElement::getText)
          .toList();
    }

    /** Clicks and waits until the browser has left the page: a ceremony's answer posts the form. */
    void submit(By button) {
      WebDriver browser = chromium.driver();
      WebElement html = browser.findElement(By.tagName("html"));
      browser.findElement(button).click();
      SeedClientFlow.waitUntilGone(browser, html);
    }
  }
}
