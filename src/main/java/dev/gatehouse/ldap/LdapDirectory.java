package dev.gatehouse.ldap;

import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.gatehouse.config.schema.LdapBackendConfig.GroupSearchMode;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.identity.DirectoryUnavailableException;
import dev.gatehouse.identity.User;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of {@code authentication_backend.ldap}, as Authelia 4.39's LDAP user provider finds them: a
 * search with the service account for exactly one entry matching the users filter, a bind as that entry to
 * check a password, and a search for the user's groups. Details are read afresh on every call (Authelia
 * reads them again at each authorization and userinfo request).
 *
 * <p>A sign-in that fails says so with an empty result; a directory that cannot answer throws
 * {@link DirectoryUnavailableException} instead, so that an outage never looks like a wrong password.
 */
public final class LdapDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);

  private final LdapBackendConfig config;
  private final LdapConnections connections;
  private final SearchFilters filters;
  private final UserEntries entries;
  private final String usersBaseDn;
  private final String groupsBaseDn;

  /**
   * Opens the pool's connections when pooling is on; a directory that is down then is tolerated, and
   * reached when it is back.
   *
   * @param clock the time of {@code {date-time:*}} in the users filter
   * @param trust the CAs trusted for {@code ldaps://} and StartTLS (Authelia's {@code certificates_directory}
   *     beside the system's); null for the JVM's default CAs
   */
  public LdapDirectory(LdapBackendConfig config, Clock clock, X509TrustManager trust) {
    this.config = config;
    this.connections = new LdapConnections(config, trust);
    this.filters = new SearchFilters(config.usersFilter(), config.groupsFilter(),
        config.attributes().distinguishedName(), clock);
    this.entries = new UserEntries(config.attributes());
    this.usersBaseDn = under(config.additionalUsersDn(), config.baseDn());
    this.groupsBaseDn = under(config.additionalGroupsDn(), config.baseDn());
  }

  private static String under(String additionalDn, String baseDn) {
    if (additionalDn == null || additionalDn.isEmpty()) {
      return baseDn;
    }
    return baseDn.isEmpty() ? additionalDn : additionalDn + "," + baseDn;
  }

  /**
   * The user whose entry matches {@code input} (the username, or with every implementation but
   * {@code custom} the mail address too) when the directory accepts the password; empty for an unknown
   * input, several matching entries, a wrong or empty password.
   *
   * @throws DirectoryUnavailableException when the directory cannot answer
   */
  public Optional<User> authenticate(String input, String password) {
    if (input == null || input.isEmpty() || password == null || password.isEmpty()) {
      return Optional.empty();
    }
    return connections.withService(directory -> {
      Optional<SearchResultEntry> entry = userEntry(directory, input);
      if (entry.isEmpty() || !connections.passwordMatches(entry.get().getDN(), password)) {
        return Optional.empty();
      }
      return details(directory, input, entry.get());
    });
  }

  /**
   * The user's current details, found as at sign-in with the username as input (Authelia's
   * {@code GetDetails}); empty when no single entry matches, e.g. once the account is disabled.
   *
   * @throws DirectoryUnavailableException when the directory cannot answer
   */
  public Optional<User> find(String username) {
    if (username == null || username.isEmpty()) {
      return Optional.empty();
    }
    return connections.withService(directory -> {
      Optional<SearchResultEntry> entry = userEntry(directory, username);
      return entry.isEmpty() ? Optional.empty() : details(directory, username, entry.get());
    });
  }

  /** Zero or several entries are no user; the search asks for at most one, as Authelia's does. */
  private Optional<SearchResultEntry> userEntry(LDAPInterface directory, String input) throws LDAPException {
    SearchRequest request = search(usersBaseDn, filters.users(input), 1, entries.requested());
    try {
      List<SearchResultEntry> found = directory.search(request).getSearchEntries();
      return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    } catch (LDAPSearchException e) {
      if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
        throw e;
      }
      // The input is the user's: control characters could forge log lines.
      log.warn("The LDAP users filter matches several entries for '{}'; there must be only one",
          input.replaceAll("\\p{Cntrl}", "?"));
      return Optional.empty();
    }
  }

  private Optional<User> details(LDAPInterface directory, String input, SearchResultEntry entry)
      throws LDAPException {
    Optional<String> username = entries.username(entry);
    if (username.isEmpty()) {
      return Optional.empty();
    }
    List<String> groups = groups(directory, input, username.get(), entry);
    return Optional.of(entries.user(entry, username.get(), groups));
  }

  /**
   * With {@code group_search_mode: memberof} a group counts only when the user's {@code memberOf} names it
   * (compared without case, as Authelia does), so a broad groups filter cannot add groups.
   */
  private List<String> groups(LDAPInterface directory, String input, String username, SearchResultEntry user)
      throws LDAPException {
    List<String> memberOf = entries.memberOf(user);
    Optional<String> filter = filters.groups(input, username, user.getDN(), memberOf);
    if (filter.isEmpty()) {
      return List.of();
    }
    boolean memberOfMode = config.groupSearchMode() == GroupSearchMode.MEMBER_OF;
    String groupName = config.attributes().groupName();
    return directory.search(search(groupsBaseDn, filter.get(), 0, groupName)).getSearchEntries().stream()
        .filter(group -> !memberOfMode || memberOf.stream().anyMatch(group.getDN()::equalsIgnoreCase))
        .map(group -> groupName(group, groupName))
        .filter(Objects::nonNull)
        .toList();
  }

  /** A group's name is exactly one non-empty value; Authelia skips any other group. */
  private static String groupName(SearchResultEntry group, String attribute) {
    List<String> values = UserEntries.values(group, attribute);
    return values.size() == 1 && !values.get(0).isEmpty() ? values.get(0) : null;
  }

  private static SearchRequest search(String baseDn, String filter, int sizeLimit, String... attributes)
      throws LDAPException {
    return new SearchRequest(baseDn, SearchScope.SUB, DereferencePolicy.NEVER, sizeLimit, 0, false,
        Filter.create(filter), attributes);
  }

  /**
   * Authelia's start-up check: connects as the service account (throwing when it cannot) and reads what the
   * directory supports from its root DSE, warning as Authelia does about an unused StartTLS.
   */
  public DirectoryFeatures checkStartup() {
    DirectoryFeatures features = checkReachable();
    log.info("LDAP directory {}: {}", config.address(), features);
    if (features.startTls() && !config.startTls() && !config.address().isLdaps()) {
      log.error("Your LDAP server supports TLS but you don't appear to be using it: use the scheme"
          + " 'ldaps://' or enable start_tls to secure the connections to it");
    }
    return features;
  }

  /**
   * What the directory supports, read from its root DSE as the service account: the check of readiness.
   *
   * @throws DirectoryUnavailableException when the directory cannot answer
   */
  public DirectoryFeatures checkReachable() {
    return connections.withService(DirectoryFeatures::read);
  }

  @Override
  public void close() {
    connections.close();
  }
}
