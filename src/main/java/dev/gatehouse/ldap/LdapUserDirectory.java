package dev.gatehouse.ldap;

import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.User;
import dev.gatehouse.identity.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory as Gatehouse's source of users. A user's details are read again from the directory once
 * they are older than {@code authentication_backend.refresh_interval} (Authelia's default is 5 minutes):
 * the portal, the authorization endpoint and every token, userinfo and refresh request see an account
 * disabled or moved out of a group within that time, without a search per request. A sign-in always asks
 * the directory, and refreshes the copy.
 */
public final class LdapUserDirectory implements UserDirectory, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LdapUserDirectory.class);
  /** Users whose details are kept; beyond it the least recently read are dropped. */
  static final int KEPT_USERS = 10_000;

  private final LdapDirectory directory;
  private final Duration refreshInterval;
  private final Clock clock;
  private final Map<String, Details> kept = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Details> eldest) {
      return size() > KEPT_USERS;
    }
  };

  /**
   * Connects to the directory as Gatehouse starts. A directory that does not answer yet is logged, not
   * fatal: Gatehouse starts, readiness says 503, and users sign in once the directory answers (a container
   * started beside its directory need not be restarted).
   *
   * @param trust the CAs trusted for ldaps:// and StartTLS; null for the JVM's
   */
  public static LdapUserDirectory open(LdapBackendConfig config, Duration refreshInterval, X509TrustManager trust,
      Clock clock) {
    LdapDirectory directory = new LdapDirectory(config, clock, trust);
    try {
      directory.checkStartup();
    } catch (DirectoryUnavailableException notYet) {
      log.error("The LDAP directory {} does not answer: {}. Gatehouse starts anyway and signs users in once it"
          + " answers; until then readiness says 503", config.address(), notYet.getMessage());
    }
    return new LdapUserDirectory(directory, refreshInterval, clock);
  }

  /**
   * @param refreshInterval how long a user's details are used before the directory is asked again:
   *     {@link Duration#ZERO} to ask at every request ({@code always}), null never to ask again once read
   *     ({@code disable})
   */
  LdapUserDirectory(LdapDirectory directory, Duration refreshInterval, Clock clock) {
    this.directory = directory;
    this.refreshInterval = refreshInterval;
    this.clock = clock;
  }

  @Override
  public Optional<User> find(String username) {
    Instant now = clock.instant();
    Details details;
    synchronized (kept) {
      details = kept.get(username);
    }
    if (details != null && details.freshAt(now, refreshInterval)) {
      return Optional.of(details.user());
    }
    return keep(directory.find(username), username, now);
  }

  @Override
  public Optional<User> authenticate(String input, String password) {
    Optional<User> user = directory.authenticate(input, password);
    return user.isEmpty() ? user : keep(user, user.get().username(), clock.instant());
  }

  /** One search, uncached: what was typed is not a username, so it must not become a key of kept details. */
  @Override
  public String regulatedName(String input) {
    try {
      return directory.find(input).map(User::username).orElse(input);
    } catch (DirectoryUnavailableException outage) {
      return input;
    }
  }

  @Override
  public void checkReachable() {
    directory.checkReachable();
  }

  @Override
  public void close() {
    directory.close();
  }

  /** Keeps what the directory said; a user it no longer has is forgotten, so that the next request asks again. */
  private Optional<User> keep(Optional<User> user, String username, Instant readAt) {
    synchronized (kept) {
      if (user.isPresent()) {
        kept.put(username, new Details(user.get(), readAt));
      } else {
        kept.remove(username);
      }
    }
    return user;
  }

  private record Details(User user, Instant readAt) {

    boolean freshAt(Instant now, Duration refreshInterval) {
      return refreshInterval == null || now.isBefore(readAt.plus(refreshInterval));
    }
  }
}
