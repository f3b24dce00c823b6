package dev.gatehouse.regulation;

import dev.gatehouse.config.schema.RegulationConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authelia's regulation over password, passkey, TOTP and security key attempts: every attempt is logged, and reaching
 * {@code max_retries} failures within {@code find_time} bans the username and/or the remote IP
 * (per {@code modes}) for {@code ban_time}; {@code max_retries: 0} bans no one. As in Authelia,
 * the failure that reaches {@code max_retries} is the one that bans (with 3, the third), and the
 * ban runs from it. Unlike Authelia today, TOTP failures count too, not only passwords.
 *
 * <p>Which failures count:
 * <ul>
 *   <li>For a user, a TOTP success clears every earlier failure, a password success only the
 *       earlier password failures: knowing the password must not buy fresh TOTP guesses.
 *   <li>For an IP, nothing clears failures: a success from an address says nothing about the
 *       other usernames tried from it.
 * </ul>
 * Bans stand whatever the current modes, as in Authelia, so changing the configuration does not
 * lift one.
 */
public final class Regulator {

  private static final Logger log = LoggerFactory.getLogger(Regulator.class);

  private final RegulationConfig config;
  private final RegulationStore store;
  private final Clock clock;
  private final Consumer<AuthenticationAttempt> observer;
  private final boolean banUsers;
  private final boolean banIps;

  /** {@code observer} hears of every concluded attempt (for metrics and the audit log). */
  public Regulator(RegulationConfig config, RegulationStore store, Clock clock,
      Consumer<AuthenticationAttempt> observer) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.observer = observer;
    this.banUsers = config.maxRetries() > 0 && config.modes().contains("user");
    this.banIps = config.maxRetries() > 0 && config.modes().contains("ip");
  }

  /** Starts an attempt; whether a ban stands is settled now, before the factor is checked. */
  public Attempt begin(String username, String remoteIp, AuthenticationKind kind) {
    Instant now = clock.instant();
    boolean banned = store.isIpBanned(remoteIp, now) || store.isUserBanned(username, now);
    return new Attempt(username, remoteIp, kind, banned);
  }

  private void record(AuthenticationAttempt attempt) {
    store.append(attempt);
    observer.accept(attempt);
    if (attempt.successful() || attempt.banned()) {
      return;
    }
    Instant since = attempt.time().minus(config.findTime());
    if (banUsers) {
      expiry(userFailures(attempt.username(), since)).ifPresent(expires -> {
        store.banUser(attempt.username(), attempt.time(), expires);
        log.warn("User '{}' is banned until {} after {} failed attempts", attempt.username(), expires,
            config.maxRetries());
      });
    }
    if (banIps) {
      expiry(store.ipFailures(attempt.remoteIp(), since, config.maxRetries())).ifPresent(expires -> {
        store.banIp(attempt.remoteIp(), attempt.time(), expires);
        log.warn("IP {} is banned until {} after {} failed attempts", attempt.remoteIp(), expires,
            config.maxRetries());
      });
    }
  }

  private List<Instant> userFailures(String username, Instant since) {
    Instant afterHeld = latest(since, store.lastSuccess(username, AuthenticationKind.SECOND_FACTORS, since));
    Instant afterFirst = latest(afterHeld, store.lastSuccess(username, AuthenticationKind.FIRST_FACTORS, since));
    List<Instant> failures = new ArrayList<>(
        store.userFailures(username, AuthenticationKind.FIRST_FACTORS, afterFirst, config.maxRetries()));
    failures.addAll(store.userFailures(username, AuthenticationKind.SECOND_FACTORS, afterHeld, config.maxRetries()));
    failures.sort(Comparator.reverseOrder());
    return failures;
  }

  /** A ban from the newest counted failure, once there are {@code max_retries} of them. */
  private Optional<Instant> expiry(List<Instant> newestFirst) {
    return newestFirst.size() < config.maxRetries()
        ? Optional.empty() : Optional.of(newestFirst.get(0).plus(config.banTime()));
  }

  private static Instant latest(Instant since, Optional<Instant> success) {
    return success.filter(time -> time.isAfter(since)).orElse(since);
  }

  /** One regulated attempt: check the factor (even when banned, if timing matters), then conclude. */
  public final class Attempt {

    private final String username;
    private final String remoteIp;
    private final AuthenticationKind kind;
    private final boolean banned;

    private Attempt(String username, String remoteIp, AuthenticationKind kind, boolean banned) {
      this.username = username;
      this.remoteIp = remoteIp;
      this.kind = kind;
      this.banned = banned;
    }

    public boolean banned() {
      return banned;
    }

    /** Records the outcome; true only when the factor was proven and no ban stands. */
    public boolean conclude(boolean proven) {
      boolean successful = proven && !banned;
      record(new AuthenticationAttempt(clock.instant(), username, remoteIp, kind, successful, banned));
      return successful;
    }
  }
}
