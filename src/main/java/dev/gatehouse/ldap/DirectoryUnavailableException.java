package dev.gatehouse.ldap;

/**
 * The directory could not answer: it is down, unreachable, too slow, refused the service account or the
 * TLS handshake, or rejected a search. Never a wrong password, so that the portal can ask the user to try
 * again and readiness can report 503 instead of counting a failed sign-in. Messages name the LDAP result,
 * never a password.
 */
public final class DirectoryUnavailableException extends RuntimeException {

  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
