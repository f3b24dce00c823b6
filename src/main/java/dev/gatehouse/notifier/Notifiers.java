package dev.gatehouse.notifier;

import dev.gatehouse.config.schema.NotifierConfig;

/** The notifier the configuration names: exactly one of filesystem or SMTP. */
public final class Notifiers {

  private Notifiers() {
  }

  public static Notifier from(NotifierConfig config) {
    return config.smtp() != null ? new SmtpNotifier(config.smtp()) : new FilesystemNotifier(config.filesystem());
  }
}
