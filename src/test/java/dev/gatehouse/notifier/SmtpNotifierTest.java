package dev.gatehouse.notifier;

import static dev.gatehouse.notifier.SmtpConfigs.smtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against GreenMail on loopback; its SMTP offers no STARTTLS, its SMTPS has a self-signed certificate. */
class SmtpNotifierTest {

  private static final String PASSWORD = "s3cret-Relay-Pass";
  private static final Recipient JOHN = new Recipient("John Doe", "john@example.com");
  private static final Message MESSAGE = new Message("Confirm your identity", "Your code is ABCD2346", "<p>ABCD2346</p>");

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@gatehouse.test", "relay", PASSWORD));

  @Test
  void plainSmtpWithoutRequiredTlsDeliversTextAndHtml() throws Exception {
    new SmtpNotifier(smtp(smtpPort()).disableRequireTls().build()).send(JOHN, MESSAGE);

    MimeMessage received = onlyReceived();
    assertThat(received.getSubject()).isEqualTo("[Authelia] Confirm your identity");
    assertThat(received.getFrom()).containsExactly(new InternetAddress("noreply@gatehouse.test", "Gatehouse"));
    assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("john@example.com", "John Doe"));
    assertThat(received.getHeader("Return-Path")[0]).isEqualTo("<noreply@gatehouse.test>");
    assertThat(received.getHeader("Received")[0]).contains("(HELO gatehouse.test)");
    assertThat(received.getMessageID()).endsWith("@gatehouse.test>");
    assertThat(received.getSentDate()).isNotNull();
    Multipart alternatives = (Multipart) received.getContent();
    assertThat(received.getContentType()).startsWith("multipart/alternative");
    assertThat(alternatives.getCount()).isEqualTo(2);
    assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
    assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("Your code is ABCD2346");
    assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
    assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo("<p>ABCD2346</p>");
  }

  @Test
  void disabledStarttlsSendsPlainTextOnlyMessageWithCustomSubject() throws Exception {
    new SmtpNotifier(smtp(smtpPort()).disableStarttls().subject("Gatehouse: {title}!").build())
        .send(new Recipient(null, "jane@example.com"), new Message("Überprüfung", "only text"));

    MimeMessage received = onlyReceived();
    assertThat(received.getSubject()).isEqualTo("Gatehouse: Überprüfung!");
    assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("jane@example.com"));
    assertThat(received.getContentType()).startsWith("text/plain; charset=UTF-8");
    assertThat(GreenMailUtil.getBody(received)).isEqualTo("only text");
  }

  @Test
  void requiredStarttlsThatTheServerLacksFailsClearly() {
    SmtpNotifier notifier = new SmtpNotifier(smtp(smtpPort()).build());

    assertThatThrownBy(() -> notifier.send(JOHN, MESSAGE))
        .isInstanceOf(NotificationException.class)
        .hasMessage("notifier: smtp: 127.0.0.1:" + smtpPort()
            + " does not offer STARTTLS, which is required unless disable_require_tls is set");
    assertThatThrownBy(notifier::startupCheck).hasMessageContaining("does not offer STARTTLS");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void submissionsUsesImplicitTlsAndSkipsVerificationWhenAsked() throws Exception {
    new SmtpNotifier(smtp(smtpsPort()).scheme("submissions").tlsSkipVerify().build()).send(JOHN, MESSAGE);

    assertThat(onlyReceived().getSubject()).isEqualTo("[Authelia] Confirm your identity");
  }

  @Test
  void submissionsVerifiesTheCertificateByDefault() {
    SmtpNotifier notifier = new SmtpNotifier(smtp(smtpsPort()).scheme("submissions").build());

    assertThatThrownBy(() -> notifier.send(JOHN, MESSAGE))
        .isInstanceOf(NotificationException.class)
        .hasMessageStartingWith("notifier: smtp: TLS with 127.0.0.1:" + smtpsPort() + " failed: ");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void logsInWhenAUsernameIsSet() throws Exception {
    new SmtpNotifier(smtp(smtpsPort()).scheme("submissions").tlsSkipVerify().login("relay", PASSWORD).build())
        .send(JOHN, MESSAGE);

    assertThat(onlyReceived().getSubject()).isEqualTo("[Authelia] Confirm your identity");
  }

  @Test
  void wrongPasswordFailsSendAndStartupCheckWithoutShowingIt() {
    SmtpNotifier notifier = new SmtpNotifier(
        smtp(smtpPort()).disableRequireTls().login("relay", "wrong-" + PASSWORD).build());

    assertThatThrownBy(notifier::startupCheck)
        .isInstanceOf(NotificationException.class)
        .hasMessage("notifier: smtp: 127.0.0.1:" + smtpPort()
            + " rejected the login of user 'relay': 535 5.7.8  Authentication credentials invalid")
        .message().doesNotContain(PASSWORD);
    assertThatThrownBy(() -> notifier.send(JOHN, MESSAGE)).hasMessageContaining("rejected the login");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void startupCheckLogsInWithoutSending() {
    SmtpNotifier notifier = new SmtpNotifier(smtp(smtpPort()).disableRequireTls().login("relay", PASSWORD).build());

    assertThatCode(notifier::startupCheck).doesNotThrowAnyException();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void serverDownFailsWithAOneLineSafeReason() throws IOException {
    int closedPort = closedPort();
    SmtpNotifier notifier = new SmtpNotifier(smtp(closedPort).disableRequireTls().login("relay", PASSWORD).build());

    assertThatThrownBy(() -> notifier.send(JOHN, MESSAGE))
        .isInstanceOfSatisfying(NotificationException.class, e -> {
          assertThat(e.getMessage())
              .startsWith("notifier: smtp: cannot connect to 127.0.0.1:" + closedPort + ": ")
              .doesNotContain(PASSWORD, "\n", "Exception", "\tat ");
          assertThat(e.userMessage()).isEqualTo("the e-mail could not be sent; try again later");
          assertThat(e.getCause()).isNotNull();
        });
    assertThatThrownBy(notifier::startupCheck).hasMessageStartingWith("notifier: smtp: cannot connect to");
  }

  private static MimeMessage onlyReceived() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  private static int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  private static int smtpsPort() {
    return greenMail.getSmtps().getPort();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
