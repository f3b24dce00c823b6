package dev.gatehouse.browser;

import static dev.gatehouse.browser.SeedClientFlow.consentIfAsked;
import static dev.gatehouse.browser.SeedClientFlow.enrolTotp;
import static dev.gatehouse.browser.SeedClientFlow.enterTotp;
import static dev.gatehouse.browser.SeedClientFlow.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.gatehouse.browser.SeedClientFlow.Login;
import dev.gatehouse.browser.SeedClientFlow.SignedIn;
import dev.gatehouse.ldap.InMemoryDirectories;
import dev.gatehouse.ldap.TestLdapConfig;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.CallbackServer;
import dev.gatehouse.testing.HeadlessChromium;
import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The seed's LibreChat client with users from a directory (an in-memory one shaped like LLDAP, with
 * Authelia's lldap preset as its integration page configures it): a user signs in with the mail address and
 * the directory's password, sets up TOTP, and LibreChat gets the directory's username, name and mail; an
 * input that tries to widen the search is a wrong login; a directory that stops answers "try again" and 503
 * on readiness, and sign-in works again once it is back.
 */
class DirectoryLoginTest {

  @Test
  void aDirectoryUserSignsInToLibreChatWithPasswordAndTotpAndOutlivesAnOutage(@TempDir Path directory)
      throws Exception {
    InMemoryDirectoryServer ldap = InMemoryDirectories.lldap();
    CallbackServer client = CallbackServer.start();
    try (client; TestGatehouse gatehouse = TestGatehouse.startOnDirectory(directory,
        TestGatehouse.seedLibreChatClient(client.redirectUri(), List.of()), lldapBackend(ldap.getListenPort()));
        HeadlessChromium chromium = HeadlessChromium.start("directory-login")) {
      SeedClientFlow flow = new SeedClientFlow(client, OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl())));
      WebDriver browser = chromium.driver();
      long step = AuthenticatorApp.currentStep();

      Login login = flow.start(browser, Map.of());
      signIn(chromium, "*)(uid=*", InMemoryDirectories.JOHN_PASSWORD);
      assertThat(browser.getPageSource()).as("a filter injected as username")
          .contains("Incorrect username or password.");
      signIn(chromium, "john@example.com", InMemoryDirectories.JOHN_PASSWORD);
      AuthenticatorApp phone = enrolTotp(browser, gatehouse.notificationFile(), step - 1);
      consentIfAsked(chromium);
      SignedIn first = flow.finish(browser, login);

      assertThat(first.userInfo().getPreferredUsername()).as("the username, not the mail typed")
          .isEqualTo("john");
      assertThat(first.userInfo().getEmailAddress()).isEqualTo("john@example.com");
      assertThat(first.userInfo().getName()).isEqualTo("John Doe");
      assertThat(first.idToken().getStringListClaim("amr")).contains("pwd", "otp", "mfa");
      assertThat(readiness(gatehouse)).isEqualTo(200);

      ldap.shutDown(true);
      assertThat(readiness(gatehouse)).isEqualTo(503);
      flow.start(browser, Map.of("prompt", "login"));
      assertUnavailable(chromium, "signed in, the authorization request needs the user's groups");
      browser.manage().deleteAllCookies();
      flow.start(browser, Map.of());
      signIn(chromium, "john", InMemoryDirectories.JOHN_PASSWORD);
      assertUnavailable(chromium, "the password cannot be checked");

      ldap.startListening();
      assertThat(readiness(gatehouse)).isEqualTo(200);
      Login again = flow.start(browser, Map.of("prompt", "login"));
      signIn(chromium, "john", InMemoryDirectories.JOHN_PASSWORD);
      enterTotp(browser, phone.codeOfStep(step));
      consentIfAsked(chromium);
      SignedIn second = flow.finish(browser, again);

      assertThat(second.idToken().getSubject()).as("the same opaque subject").isEqualTo(first.idToken().getSubject());
    } finally {
      ldap.shutDown(true);
    }
  }

  private static void assertUnavailable(HeadlessChromium chromium, String when) {
    WebDriver browser = chromium.driver();
    chromium.screenshot("directory-unavailable");
    assertThat(browser.findElement(By.tagName("h1")).getText()).as(when).isEqualTo("Sign-in is unavailable");
    assertThat(browser.getPageSource()).contains("Gatehouse cannot reach the user directory just now. Try again in a"
        + " few seconds.");
  }

  private static String lldapBackend(int port) {
    return """
        authentication_backend:
          refresh_interval: 'always'
          ldap:
            implementation: 'lldap'
            address: 'ldap://127.0.0.1:%d'
            base_dn: 'dc=example,dc=com'
            user: '%s'
            password: '%s'
        """.formatted(port, TestLdapConfig.SERVICE_DN, TestLdapConfig.SERVICE_PASSWORD);
  }

  private static void signIn(HeadlessChromium chromium, String username, String password) {
    WebDriver browser = chromium.driver();
    assertThat(browser.getCurrentUrl()).contains("/login");
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    submit(browser);
  }

  private static int readiness(TestGatehouse gatehouse) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gatehouse.baseUrl() + "/api/health/ready"))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
