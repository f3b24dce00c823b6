package dev.gatehouse.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.testing.AuthenticatorApp;
import dev.gatehouse.testing.NotificationFile;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.UserAgent;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server is down when a user must receive the one-time code that opens TOTP enrolment:
 * the page says the code could not be sent, and once mail is back "Send a new code" continues the
 * very same login to the application.
 */
class SmtpOutageEnrolmentTest {

  private static final Pattern SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7 ]+)</code>");

  @Test
  void enrolmentSurvivesTheMailServerBeingDown(@TempDir Path directory) throws Exception {
    int port = TestGatehouse.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    String notifier = """
        notifier:
          smtp:
            address: 'smtp://127.0.0.1:%d'
            sender: 'Gatehouse <gatehouse@example.com>'
            disable_require_tls: true
        """.formatted(port);
    try (TestGatehouse gatehouse = TestGatehouse.start(directory, TestGatehouse.TWO_FACTOR_CLIENTS,
        TestGatehouse.storageLocal(directory), notifier)) {
      mail.stop();
      UserAgent browser = new UserAgent(gatehouse.baseUrl());
      URI authorization = URI.create(gatehouse.baseUrl() + "/api/oidc/authorization?response_type=code&client_id=chat"
          + "&redirect_uri=" + RelyingParty.encode(TestGatehouse.CHAT_REDIRECT) + "&scope=openid&state=smtp-outage");
      HttpResponse<String> unsent = browser.authorize(authorization, TestGatehouse.USER, TestGatehouse.PASSWORD);
      assertThat(unsent.statusCode()).isEqualTo(200);
      assertThat(unsent.uri().getPath()).isEqualTo("/totp/enrol");
      assertThat(unsent.body()).contains("The code could not be sent. Try again in a moment.")
          .doesNotContain("Exception").doesNotContain("smtp");

      mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      HttpResponse<String> sent = browser.get(URI.create(gatehouse.baseUrl() + "/totp/enrol?resend=1"));
      assertThat(sent.body()).doesNotContain("could not be sent");
      HttpResponse<String> devicePage = browser.submit(sent, "/totp/enrol/identity", Map.of("code", lastCode(mail)));
      Matcher secret = SECRET.matcher(devicePage.body());
      assertThat(secret.find()).as(devicePage.body()).isTrue();
      HttpResponse<String> back = browser.submit(devicePage, "/totp/enrol/device",
          Map.of("code", new AuthenticatorApp(secret.group(1)).code(0)));
      assertThat(back.headers().firstValue("Location").orElseThrow())
          .startsWith(TestGatehouse.CHAT_REDIRECT + "?code=").contains("state=smtp-outage");
    } finally {
      mail.stop();
    }
  }

  private static String lastCode(GreenMail mail) {
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).isNotEmpty();
    return NotificationFile.oneTimeCodeIn(GreenMailUtil.getBody(received[received.length - 1]));
  }
}
