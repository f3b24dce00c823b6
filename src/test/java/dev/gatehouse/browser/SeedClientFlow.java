package dev.gatehouse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
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
import dev.gatehouse.testing.NotificationFile;
import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the seed's LibreChat client and its user do in the browser: open an authorization request,
 * type the password and TOTP code, accept consent, and, at the client, redeem the code and read
 * userinfo as LibreChat would.
 */
final class SeedClientFlow {

  static final ClientID LIBRECHAT = new ClientID("librechat");

  private final CallbackServer client;
  private final OIDCProviderMetadata provider;
  private final ClientID clientId;
  private final Secret secret;

  SeedClientFlow(CallbackServer client, OIDCProviderMetadata provider) {
    this(client, provider, LIBRECHAT, new Secret("insecure_secret"));
  }

  /** The same steps for another client of the configuration, redirecting to {@code client} too. */
  SeedClientFlow(CallbackServer client, OIDCProviderMetadata provider, ClientID clientId, Secret secret) {
    this.client = client;
    this.provider = provider;
    this.clientId = clientId;
    this.secret = secret;
  }

  /** An authorization request in flight: what the client keeps to check the answer. */
  record Login(State state, CodeVerifier verifier) {
  }

  /** What the client learnt at the end of a login. */
  record SignedIn(JWTClaimsSet idToken, UserInfo userInfo) {
  }

  Login start(WebDriver browser, Map<String, String> parameters) {
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
        new Scope("openid", "profile", "email"), clientId, URI.create(client.redirectUri()))
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
        .customParameter("session", "false");
    parameters.forEach(request::customParameter);
    browser.get(request.build().toURI().toString());
    return new Login(state, verifier);
  }

  static void signInWithPassword(HeadlessChromium chromium) {
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

  /**
   * The first login's TOTP set-up, after the password: the one-time code mailed to {@code notificationFile}
   * confirms the user, then the secret shown goes into a new authenticator app, whose code of
   * {@code step} confirms it.
   */
  static AuthenticatorApp enrolTotp(WebDriver browser, Path notificationFile, long step) {
    browser.findElement(By.id("code")).sendKeys(NotificationFile.oneTimeCode(notificationFile));
    submit(browser);
    AuthenticatorApp phone = new AuthenticatorApp(browser.findElement(By.id("secret")).getText());
    browser.findElement(By.id("code")).sendKeys(phone.codeOfStep(step));
    submit(browser);
    return phone;
  }

  static void enterTotp(WebDriver browser, String code) {
    assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
    browser.findElement(By.id("code")).sendKeys(code);
    submit(browser);
  }

  static void consentIfAsked(HeadlessChromium chromium) {
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

  /** The client's side of the callback: the code redeemed, the ID token read, userinfo fetched. */
  SignedIn finish(WebDriver browser, Login login) throws Exception {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> driver.getCurrentUrl().startsWith(client.redirectUri()));
    AuthenticationSuccessResponse response = AuthenticationResponseParser.parse(URI.create(browser.getCurrentUrl()))
        .toSuccessResponse();
    assertThat(response.getState()).isEqualTo(login.state());
    assertThat(response.getIssuer()).isEqualTo(provider.getIssuer());
    AuthorizationCode code = response.getAuthorizationCode();
    TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
        new ClientSecretBasic(clientId, secret),
        new AuthorizationCodeGrant(code, URI.create(client.redirectUri()), login.verifier())).toHTTPRequest().send());
    assertThat(tokens.indicatesSuccess()).isTrue();
    var accessToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getBearerAccessToken();
    var idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
    UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
        (BearerAccessToken) accessToken).toHTTPRequest().send());
    return new SignedIn(idToken.getJWTClaimsSet(), userInfo.toSuccessResponse().getUserInfo());
  }

  /** Clicks the form's button and waits until the browser has left the page, as a user would. */
  static void submit(WebDriver browser) {
    WebElement button = browser.findElement(By.cssSelector("form button[type=submit]"));
    button.click();
    waitUntilGone(browser, button);
  }

  /**
   * Waits until the page holding {@code element} has been replaced. While the next page loads,
   * chromedriver may report the element as a node that "does not belong to the document" rather
   * than as stale: that too means the page is gone.
   */
  static void waitUntilGone(WebDriver browser, WebElement element) {
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
}
