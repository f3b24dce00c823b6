package dev.gatehouse.webauthn;

/** A registration that failed its checks; the message says which, for the log, not the user. */
public final class CeremonyRefused extends Exception {

  CeremonyRefused(String reason, Throwable cause) {
    super(reason, cause);
  }
}
