package dev.gatehouse.browser;

import static dev.gatehouse.browser.SeedClientFlow.consentIfAsked;
import static dev.gatehouse.browser.SeedClientFlow.enterTotp;
import static dev.gatehouse.browser.SeedClientFlow.signInWithPassword;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.browser.SeedClientFlow.Login;
import dev.gatehouse.browser.SeedClientFlow.SignedIn;
import dev.gatehouse.cli.AdminCommands;
import dev.gatehouse.cli.Terminal;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.CallbackServer;
import dev.gatehouse.testing.HeadlessChromium;
import dev.gatehouse.testing.TestGatehouse;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move from Authelia as an admin makes it: Authelia's exports of john's subject identifier and
 * TOTP device imported with {@code gatehouse storage user … import} before the first start, then
 * john signs in to the seed's LibreChat client in the browser. LibreChat sees the {@code sub}
 * Authelia gave him, in the ID token and from userinfo, and his authenticator app's code works at
 * once: no enrolment.
 */
class MoveFromAutheliaTest {

  private static final Path FIXTURES = Path.of("src/test/resources/authelia-export");
  private static final String JOHNS_SUB = "7d4f2c3a-1b5e-4c9d-8a6f-0e2b3c4d5e6f";
  private static final String JOHNS_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  void importedIdentifiersAndTotpMakeTheMoveInvisibleToLibreChatAndToJohn(@TempDir Path directory)
      throws Exception {
    CallbackServer client = CallbackServer.start();
    String clients = TestGatehouse.seedLibreChatClient(client.redirectUri(), List.of());
    Path config = TestGatehouse.writeConfiguration(directory, 9091, clients, TestGatehouse.storageLocal(directory),
        TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML);
    assertThat(admin("storage", "user", "identifiers", "import", FIXTURES.resolve("opaque-identifiers.yml").toString(),
        "--config", config.toString())).startsWith("Successfully imported 1 User Opaque Identifiers");
    assertThat(admin("storage", "user", "totp", "import", FIXTURES.resolve("totp.yml").toString(),
        "--config", config.toString())).startsWith("Successfully imported 1 TOTP configurations");

    try (client; TestGatehouse gatehouse = TestGatehouse.start(directory, clients);
        HeadlessChromium chromium = HeadlessChromium.start("move-from-authelia")) {
      SeedClientFlow flow = new SeedClientFlow(client, OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl())));
      Login login = flow.start(chromium.driver(), Map.of());
      signInWithPassword(chromium);
      chromium.screenshot("totp-without-enrolment");
      enterTotp(chromium.driver(), new AuthenticatorApp(JOHNS_SECRET).code(0));
      consentIfAsked(chromium);
      SignedIn signedIn = flow.finish(chromium.driver(), login);

      assertThat(signedIn.idToken().getSubject()).isEqualTo(JOHNS_SUB);
      assertThat(signedIn.userInfo().getSubject().getValue()).isEqualTo(JOHNS_SUB);
      assertThat(signedIn.idToken().getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    }
  }

  private static String admin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = AdminCommands.run(args, new Terminal(new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
        new PrintWriter(err), null, Map.of()));
    assertThat(status).as("%s%s", out, err).isZero();
    return out.toString();
  }
}
