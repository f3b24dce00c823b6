package dev.gatehouse.regulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The store's contract over plain lists, so the regulator's rules are tested without a database. */
public final class InMemoryRegulationStore implements RegulationStore {

  private record Ban(String key, Instant expires) {
  }

  final List<AuthenticationAttempt> log = new ArrayList<>();
  private final List<Ban> userBans = new ArrayList<>();
  private final List<Ban> ipBans = new ArrayList<>();

  @Override
  public void append(AuthenticationAttempt attempt) {
    log.add(attempt);
  }

  @Override
  public Optional<Instant> lastSuccess(String username, Set<AuthenticationKind> kinds, Instant since) {
    return times(a -> a.username().equals(username) && kinds.contains(a.kind()) && a.successful(), since, 1).stream()
        .findFirst();
  }

  @Override
  public List<Instant> userFailures(String username, Set<AuthenticationKind> kinds, Instant since, int limit) {
    return times(a -> a.username().equals(username) && kinds.contains(a.kind()) && !a.successful() && !a.banned(),
        since, limit);
  }

  @Override
  public List<Instant> ipFailures(String remoteIp, Instant since, int limit) {
    return times(a -> a.remoteIp().equals(remoteIp) && !a.successful() && !a.banned(), since, limit);
  }

  private List<Instant> times(Predicate<AuthenticationAttempt> matching, Instant since, int limit) {
    return log.stream().filter(matching).map(AuthenticationAttempt::time).filter(time -> time.isAfter(since))
        .sorted(Comparator.reverseOrder()).limit(limit).toList();
  }

  @Override
  public void banUser(String username, Instant banned, Instant expires) {
    userBans.add(new Ban(username, expires));
  }

  @Override
  public void banIp(String remoteIp, Instant banned, Instant expires) {
    ipBans.add(new Ban(remoteIp, expires));
  }

  @Override
  public boolean isUserBanned(String username, Instant now) {
    return userBans.stream().anyMatch(ban -> ban.key().equals(username) && ban.expires().isAfter(now));
  }

  @Override
  public boolean isIpBanned(String remoteIp, Instant now) {
    return ipBans.stream().anyMatch(ban -> ban.key().equals(remoteIp) && ban.expires().isAfter(now));
  }
}
