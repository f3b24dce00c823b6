package dev.gatehouse.identity;

/**
 * The user directory could not answer: it is down, unreachable, too slow, refused the service account or
 * the TLS handshake, or rejected a search. Never a wrong password, so that the portal asks the user to try
 * again and readiness reports 503. Messages name the directory's result, never a password.
 */
public final class DirectoryUnavailableException extends RuntimeException {

  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
