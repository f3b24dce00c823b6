package dev.gatehouse.regulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where attempts and bans are kept, so that they hold across restarts and instances. */
public interface RegulationStore {

  void append(AuthenticationAttempt attempt);

  /** When {@code username} last proved {@code kind} after {@code since}. */
  Optional<Instant> lastSuccess(String username, AuthenticationKind kind, Instant since);

  /** Failed, not-banned attempts of {@code kind} by {@code username} after {@code since}, newest first. */
  List<Instant> userFailures(String username, AuthenticationKind kind, Instant since, int limit);

  /** Failed, not-banned attempts of any kind from {@code remoteIp} after {@code since}, newest first. */
  List<Instant> ipFailures(String remoteIp, Instant since, int limit);

  void banUser(String username, Instant banned, Instant expires);

  void banIp(String remoteIp, Instant banned, Instant expires);

  boolean isUserBanned(String username, Instant now);

  boolean isIpBanned(String remoteIp, Instant now);
}
