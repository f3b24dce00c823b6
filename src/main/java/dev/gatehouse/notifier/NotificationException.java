package dev.gatehouse.notifier;

/**
 * A message could not be delivered, or the start-up check failed.
 *
 * <p>{@link #getMessage()} is one line for the operator's log (what failed and where, never a credential);
 * {@link #userMessage()} is what the person who asked for the message may be shown. The cause is kept for the log.
 */
public class NotificationException extends Exception {

  public static final String USER_MESSAGE = "the e-mail could not be sent; try again later";

  public NotificationException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public String userMessage() {
    return USER_MESSAGE;
  }
}
