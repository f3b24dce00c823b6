package dev.gatehouse.notifier;

import dev.gatehouse.config.schema.NotifierConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code notifier.smtp}: sends each message over one SMTP connection with Jakarta Mail. */
public final class SmtpNotifier implements Notifier {

  private static final String DEFAULT_SUBJECT = "[Authelia] {title}";

  private static final Logger log = LoggerFactory.getLogger(SmtpNotifier.class);

  private final SmtpEndpoint endpoint;
  private final String username;
  private final String password;
  private final InternetAddress sender;
  private final String subjectTemplate;
  private final Session session;

  /** @throws IllegalArgumentException if the scheme, host or sender cannot be used */
  public SmtpNotifier(NotifierConfig.Smtp config) {
    this.endpoint = SmtpEndpoint.of(config);
    this.username = SmtpSessionProperties.hasText(config.username()) ? config.username() : null;
    this.password = username == null ? null : config.password();
    this.sender = parseSender(config.sender());
    this.subjectTemplate = SmtpSessionProperties.hasText(config.subject()) ? config.subject() : DEFAULT_SUBJECT;
    this.session = Session.getInstance(SmtpSessionProperties.of(config, endpoint, sender.getAddress()));
    if (config.tlsSkipVerify()) {
      log.warn("notifier: smtp: tls_skip_verify is on: the certificate of {} is not verified, so anyone able to"
          + " intercept the connection can read the messages and the SMTP password", endpoint);
    }
  }

  @Override
  public void send(Recipient recipient, Message message) throws NotificationException {
    MimeMessage mime = compose(recipient, message);
    try (Transport transport = connect()) {
      transport.sendMessage(mime, mime.getAllRecipients());
    } catch (MessagingException e) {
      throw SmtpFailures.describe(endpoint, username, e);
    }
  }

  /** Connects, upgrades to TLS and logs in as configured, then disconnects without sending anything. */
  @Override
  public void startupCheck() throws NotificationException {
    try (Transport transport = connect()) {
      log.debug("notifier: smtp: start-up check connected to {}", endpoint);
    } catch (MessagingException e) {
      throw SmtpFailures.describe(endpoint, username, e);
    }
  }

  private Transport connect() throws MessagingException {
    Transport transport = session.getTransport();
    transport.connect(endpoint.host(), endpoint.port(), username, password);
    return transport;
  }

  private MimeMessage compose(Recipient recipient, Message message) throws NotificationException {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(sender);
      mime.setRecipient(jakarta.mail.Message.RecipientType.TO, toAddress(recipient));
      mime.setSubject(subjectTemplate.replace("{title}", message.title()), "UTF-8");
      mime.setSentDate(new Date());
      if (message.html() == null) {
        mime.setText(message.plainText(), "UTF-8");
      } else {
        mime.setContent(alternatives(message));
      }
      mime.saveChanges();
      return mime;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new NotificationException(
          "notifier: smtp: cannot compose the message to " + recipient.email() + ": " + e.getMessage(), e);
    }
  }

  private static MimeMultipart alternatives(Message message) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.plainText(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), "UTF-8", "html");
    // Clients show the last alternative they understand, so the richest comes last.
    return new MimeMultipart("alternative", text, html);
  }

  private static InternetAddress toAddress(Recipient recipient)
      throws AddressException, UnsupportedEncodingException {
    InternetAddress address = recipient.hasName()
        ? new InternetAddress(recipient.email(), recipient.name(), "UTF-8")
        : new InternetAddress(recipient.email());
    address.validate();
    return address;
  }

  private static InternetAddress parseSender(String sender) {
    if (sender == null || sender.isBlank()) {
      throw new IllegalArgumentException("notifier: smtp: sender is required");
    }
    try {
      return new InternetAddress(sender, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("notifier: smtp: sender '" + sender + "' is not an address: " + e.getMessage(), e);
    }
  }
}
