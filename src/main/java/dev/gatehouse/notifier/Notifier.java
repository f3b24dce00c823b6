package dev.gatehouse.notifier;

/** Delivers a message to one person: by e-mail, or into a file for tests and single-user setups. */
public interface Notifier {

  void send(Recipient recipient, Message message) throws NotificationException;

  /**
   * Proves at start-up that {@link #send} can work (the file is writable, the mail server accepts us), so a wrong
   * setting fails the start and not the first user who asks for a code.
   */
  void startupCheck() throws NotificationException;
}
