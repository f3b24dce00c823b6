package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.NotifierConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code notifier}: required, exactly one of {@code filesystem} or {@code smtp}, with Authelia's
 * SMTP defaults (identifier {@code localhost}, subject {@code [Authelia] {title}}, timeout 5s) and
 * its default ports per scheme: smtp 25, submission 587, submissions 465 (implicit TLS).
 */
final class NotifierBinder {

  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("smtp", 25, "submission", 587, "submissions", 465);
  /** An RFC 5322 mailbox as Authelia's sender takes it: {@code addr@host} or {@code Name <addr@host>}. */
  private static final Pattern MAILBOX =
      Pattern.compile("^(?:[^<>]*<[^<>@\\s]+@[^<>@\\s]+>|[^<>@\\s]+@[^<>@\\s]+)$");

  private NotifierBinder() {
  }

  static NotifierConfig bind(ConfigNode notifier) {
    boolean disableStartupCheck = notifier.child("disable_startup_check").bool(false);
    ConfigNode filesystemNode = notifier.child("filesystem");
    ConfigNode smtpNode = notifier.child("smtp");
    NotifierConfig.Filesystem filesystem =
        filesystemNode.isPresent() ? bindFilesystem(filesystemNode) : null;
    NotifierConfig.Smtp smtp = smtpNode.isPresent() ? bindSmtp(smtpNode) : null;
    if (filesystemNode.isPresent() && smtpNode.isPresent()) {
      notifier.error("please ensure only one of the 'smtp' or 'filesystem' notifier is configured");
    } else if (!filesystemNode.isPresent() && !smtpNode.isPresent()) {
      notifier.error("you must ensure either the 'smtp' or 'filesystem' notifier is configured");
    }
    return new NotifierConfig(disableStartupCheck, filesystem, smtp);
  }

  private static NotifierConfig.Filesystem bindFilesystem(ConfigNode filesystem) {
    ConfigNode filenameNode = filesystem.child("filename");
    String filename = filenameNode.string();
    if (filename == null) {
      filenameNode.error("is required: the file each notification is written to");
      return null;
    }
    try {
      return new NotifierConfig.Filesystem(Path.of(filename));
    } catch (InvalidPathException e) {
      filenameNode.error("'" + filename + "' is not a valid file path: " + e.getReason());
      return null;
    }
  }

  private static NotifierConfig.Smtp bindSmtp(ConfigNode smtp) {
    Address address = smtpAddress(smtp);
    String username = smtp.child("username").string();
    String password = smtp.child("password").string();
    ConfigNode senderNode = smtp.child("sender");
    String sender = senderNode.string();
    if (sender == null) {
      senderNode.error("is required, e.g. 'Gatehouse <gatehouse@example.com>'");
    } else if (!MAILBOX.matcher(sender.trim()).matches()) {
      senderNode.error("'" + sender + "' is not an email address such as 'admin@example.com' or"
          + " 'Gatehouse <admin@example.com>'");
    }
    String identifier = smtp.child("identifier").string("localhost");
    String subject = smtp.child("subject").string("[Authelia] {title}");
    Duration timeout = smtp.child("timeout").positiveDuration(Duration.ofSeconds(5));
    boolean disableRequireTls = smtp.child("disable_require_tls").bool(false);
    ConfigNode startTlsNode = smtp.child("disable_starttls");
    boolean disableStartTls = startTlsNode.bool(false);
    if (disableStartTls) {
      startTlsNode.warn("opportunistic STARTTLS is explicitly disabled which means all emails will"
          + " be sent insecurely over plaintext and this setting is only necessary for"
          + " non-compliant SMTP servers which advertise they support STARTTLS when they actually"
          + " don't support STARTTLS");
    }
    boolean skipVerify = smtp.child("tls").child("skip_verify").bool(false);
    if (address == null) {
      return null;
    }
    return new NotifierConfig.Smtp(address.scheme(), address.host(), address.port(), username,
        password, sender, identifier, subject, timeout, disableRequireTls, disableStartTls,
        skipVerify);
  }

  /**
   * {@code address}, or Authelia's older {@code host} and {@code port} (still in its key list),
   * which it maps to an address; the two forms together are an error.
   */
  private static Address smtpAddress(ConfigNode smtp) {
    ConfigNode addressNode = smtp.child("address");
    ConfigNode hostNode = smtp.child("host");
    ConfigNode portNode = smtp.child("port");
    String text = addressNode.string();
    if (text != null && (hostNode.isPresent() || portNode.isPresent())) {
      addressNode.error("options 'host' and 'port' can't be configured at the same time as"
          + " 'address'");
      return null;
    }
    if (text == null && hostNode.isPresent()) {
      int port = portNode.integer(0);
      text = hostNode.string() + (port > 0 ? ":" + port : "");
      hostNode.warn("configuration keys 'notifier.smtp.host' and 'notifier.smtp.port' are"
          + " deprecated in 4.38.0 and have been replaced by 'notifier.smtp.address'; use"
          + " address: 'smtp://" + text + "'");
    }
    if (text == null) {
      addressNode.error("is required, e.g. 'submissions://smtp.example.com:465'");
      return null;
    }
    Address address;
    try {
      address = Address.parse(text, "smtp");
    } catch (IllegalArgumentException e) {
      addressNode.error(e.getMessage());
      return null;
    }
    if (!DEFAULT_PORTS.containsKey(address.scheme())) {
      addressNode.error("'" + text + "' has the scheme '" + address.scheme() + "' but it must be "
          + ConfigNode.joinOr(List.of("smtp", "submission", "submissions")));
      return null;
    }
    if (address.host().isEmpty()) {
      addressNode.error("'" + text + "' has no host");
      return null;
    }
    int port = address.port() == null ? DEFAULT_PORTS.get(address.scheme()) : address.port();
    return new Address(address.scheme(), address.host(), port, "");
  }
}
