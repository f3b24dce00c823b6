package dev.gatehouse.notifier;

import dev.gatehouse.config.schema.NotifierConfig;
import java.time.Duration;

/** Builds {@code notifier.smtp} settings for tests, starting from a plain, unauthenticated loopback relay. */
final class SmtpConfigs {

  private String scheme = "smtp";
  private int port;
  private String username;
  private String password;
  private String subject = "[Authelia] {title}";
  private boolean disableRequireTls;
  private boolean disableStarttls;
  private boolean tlsSkipVerify;

  static SmtpConfigs smtp(int port) {
    SmtpConfigs configs = new SmtpConfigs();
    configs.port = port;
    return configs;
  }

  SmtpConfigs scheme(String value) {
    scheme = value;
    return this;
  }

  SmtpConfigs login(String user, String pass) {
    username = user;
    password = pass;
    return this;
  }

  SmtpConfigs subject(String value) {
    subject = value;
    return this;
  }

  SmtpConfigs disableRequireTls() {
    disableRequireTls = true;
    return this;
  }

  SmtpConfigs disableStarttls() {
    disableStarttls = true;
    return this;
  }

  SmtpConfigs tlsSkipVerify() {
    tlsSkipVerify = true;
    return this;
  }

  NotifierConfig.Smtp build() {
    return new NotifierConfig.Smtp(scheme, "127.0.0.1", port, username, password,
        "Gatehouse <noreply@gatehouse.test>", "gatehouse.test", subject, Duration.ofSeconds(2),
        disableRequireTls, disableStarttls, tlsSkipVerify);
  }
}
