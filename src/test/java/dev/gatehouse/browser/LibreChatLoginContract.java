package dev.gatehouse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.CallbackServer;
import dev.gatehouse.testing.HeadlessChromium;
import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's LibreChat client, pasted as the guide gives it, logged into by a user in a real
 * headless Chromium: password, TOTP enrolment with a one-time code from the notifier, consent,
 * callback, userinfo; a second login with password + TOTP; a replayed code refused; logout.
 * Each notifier (filesystem, SMTP) runs the same story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibreChatLoginContract {

  static final ClientID LIBRECHAT = new ClientID("librechat");

  TestGatehouse gatehouse;
  CallbackServer client;
  OIDCProviderMetadata provider;

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
    provider = OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl()));
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
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
        new Scope("openid", "profile", "email"), LIBRECHAT, URI.create(client.redirectUri()))
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
        .customParameter("session", "false")
        .build();
    browser.get(request.toURI().toString());
    return new Login(state, verifier);
  }

  private static void signInWithPassword(HeadlessChromium chromium) {
    WebDriver browser = chromium.driver();
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    WebElement username = browser.findElement(By.id("username"));
    assertThat(username.getAttribute("autocomplete")).isEqualTo("username");
    assertThat(browser.findElement(By.id("password")).getAttribute("autocomplete")).isEqualTo("current-password");
    username.sendKeys(TestGatehouse.USER);
    browser.findElement(By.id("password")).sendKeys(TestGatehouse.PASSWORD);
    chromium.screenshot("password");
    submit(browser);
  }

  private static void consentIfAsked(HeadlessChromium chromium) {
    WebDriver browser = chromium.driver();
    if (!browser.getCurrentUrl().contains("/consent")) {
      return;
    }
    assertThat(browser.getPageSource()).contains("LibreChat");
    chromium.screenshot("consent");
    List<WebElement> accept = browser.findElements(By.xpath("//button[contains(., 'Accept') or contains(., 'Allow')]"));
    assertThat(accept).isNotEmpty();
    accept.get(0).click();
    waitUntilGone(browser, accept.get(0));
  }

  private UserInfo finish(WebDriver browser, Login login) throws Exception {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> driver.getCurrentUrl().startsWith(client.redirectUri()));
    AuthenticationSuccessResponse response = AuthenticationResponseParser.parse(URI.create(browser.getCurrentUrl()))
        .toSuccessResponse();
    assertThat(response.getState()).isEqualTo(login.state());
    assertThat(response.getIssuer()).isEqualTo(provider.getIssuer());
    AuthorizationCode code = response.getAuthorizationCode();
    TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
        new ClientSecretBasic(LIBRECHAT, new Secret("insecure_secret")),
        new AuthorizationCodeGrant(code, URI.create(client.redirectUri()), login.verifier())).toHTTPRequest().send());
    assertThat(tokens.indicatesSuccess()).isTrue();
    var accessToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getBearerAccessToken();
    var idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
    assertThat(idToken.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
        (BearerAccessToken) accessToken).toHTTPRequest().send());
    return userInfo.toSuccessResponse().getUserInfo();
  }

  /** Clicks the form's button and waits until the browser has left the page, as a user would. */
  private static void submit(WebDriver browser) {
    WebElement button = browser.findElement(By.cssSelector("form button[type=submit]"));
    button.click();
    waitUntilGone(browser, button);
  }

  /**
   * Waits until the page holding {@code element} has been replaced. While the next page loads,
   * chromedriver may report the element as a node that "does not belong to the document" rather
   * than as stale: that too means the page is gone.
   */
  private static void waitUntilGone(WebDriver browser, WebElement element) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (StaleElementReferenceException gone) {
        return true;
      } catch (WebDriverException replaced) {
        if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw replaced;
      }
    });
  }

  private record Login(State state, CodeVerifier verifier) {
  }
}
