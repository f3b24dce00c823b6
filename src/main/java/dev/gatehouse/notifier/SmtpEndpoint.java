package dev.gatehouse.notifier;

import dev.gatehouse.config.schema.NotifierConfig;
import java.util.Locale;

/** Where and how to reach the mail server: the {@code notifier.smtp.address} scheme decides the port and the TLS mode. */
record SmtpEndpoint(String host, int port, boolean implicitTls) {

  static SmtpEndpoint of(NotifierConfig.Smtp config) {
    String scheme = config.scheme() == null ? "smtp" : config.scheme().toLowerCase(Locale.ROOT);
    int defaultPort = switch (scheme) {
      case "smtp" -> 25;
      case "submission" -> 587;
      case "submissions" -> 465;
      default -> throw new IllegalArgumentException(
          "notifier: smtp: the address scheme must be smtp, submission or submissions, not '" + scheme + "'");
    };
    if (config.host() == null || config.host().isBlank()) {
      throw new IllegalArgumentException("notifier: smtp: the address has no host");
    }
    int port = config.port() > 0 ? config.port() : defaultPort;
    return new SmtpEndpoint(config.host(), port, scheme.equals("submissions"));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
