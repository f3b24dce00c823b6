package dev.gatehouse.regulation;

import java.time.Instant;

/**
 * One row of {@code authentication_log}. An attempt made while banned is never successful, and
 * never counts towards another ban: the ban already answers it.
 */
public record AuthenticationAttempt(Instant time, String username, String remoteIp, AuthenticationKind kind,
    boolean successful, boolean banned) {

  /** The longest username the log (and the TOTP tables) can hold. */
  public static final int MAX_USERNAME_LENGTH = 100;
}
