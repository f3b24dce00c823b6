package dev.gatehouse.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.testing.NotificationFile;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The LibreChat login with the one-time code read from a real mail, sent to an in-process SMTP server. */
class SmtpNotifierLoginTest extends LibreChatLoginContract {

  private GreenMail smtp;

  @Override
  String notifierYaml(Path directory) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return """
        notifier:
          smtp:
            address: 'smtp://127.0.0.1:%d'
            sender: 'Gatehouse <gatehouse@example.com>'
            disable_require_tls: true
        """.formatted(port);
  }

  @Override
  String lastOneTimeCode() {
    MimeMessage[] received = smtp.getReceivedMessages();
    MimeMessage last = received[received.length - 1];
    return NotificationFile.oneTimeCodeIn(GreenMailUtil.getBody(last));
  }

  @Override
  String variant() {
    return "smtp";
  }

  @Override
  void stopNotifier() {
    if (smtp != null) {
      smtp.stop();
    }
  }
}
