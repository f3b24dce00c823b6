package dev.gatehouse.notifier;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLException;

/** Turns a Jakarta Mail failure into one line that says what went wrong, without a credential or a stack trace. */
final class SmtpFailures {

  private SmtpFailures() {
  }

  static NotificationException describe(SmtpEndpoint endpoint, String username, MessagingException e) {
    return new NotificationException("notifier: smtp: " + reason(endpoint, username, e), e);
  }

  private static String reason(SmtpEndpoint endpoint, String username, MessagingException e) {
    Throwable root = rootCause(e);
    String detail = oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    if (e instanceof AuthenticationFailedException) {
      return endpoint + " rejected the login of user '" + username + "': " + detail;
    }
    if (e instanceof SendFailedException) {
      return endpoint + " refused the message: " + detail;
    }
    if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
      return endpoint + " does not offer STARTTLS, which is required unless disable_require_tls is set";
    }
    if (root instanceof UnknownHostException) {
      return "cannot resolve the host " + endpoint.host();
    }
    if (root instanceof ConnectException) {
      return "cannot connect to " + endpoint + ": " + detail;
    }
    if (root instanceof SocketTimeoutException) {
      return endpoint + " did not answer in time: " + detail;
    }
    if (root instanceof SSLException || root instanceof GeneralSecurityException) {
      return "TLS with " + endpoint + " failed: " + detail;
    }
    return endpoint + ": " + detail;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
