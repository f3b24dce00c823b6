package dev.gatehouse.regulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where attempts and bans are kept, so that they hold across restarts and instances. */
public interface RegulationStore {

  void append(AuthenticationAttempt attempt);

  /** When {@code username} last proved one of {@code kinds} after {@code since}. */
  Optional<Instant> lastSuccess(String username, Set<AuthenticationKind> kinds, Instant since);

  /** Failed, not-banned attempts of {@code kinds} by {@code username} after {@code since}, newest first. */
  List<Instant> userFailures(String username, Set<AuthenticationKind> kinds, Instant since, int limit);

  /** Failed, not-banned attempts of any kind from {@code remoteIp} after {@code since}, newest first. */
  List<Instant> ipFailures(String remoteIp, Instant since, int limit);

  void banUser(String username, Instant banned, Instant expires);

  void banIp(String remoteIp, Instant banned, Instant expires);

  boolean isUserBanned(String username, Instant now);

  boolean isIpBanned(String remoteIp, Instant now);
}
