package dev.gatehouse.oidc.grants;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.storage.AuthorizationRepository;
import dev.gatehouse.storage.AuthorizationRepository.Digest;
import dev.gatehouse.storage.AuthorizationRow;
import dev.gatehouse.storage.GrantConflictException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * Keeps authorizations in the database with every code and token stored as its SHA-256 digest
 * (see {@link GrantRows}).
 *
 * <p>A save replaces exactly the version the grant was read at ({@link StoredVersion}), or fails
 * with {@link GrantConflictException} when another request saved or removed it first: redeeming a
 * code, rotating a refresh token and using a consent state are each a compare-and-set in storage,
 * whether the grant came from the database or from the cache. The rules in front of SAS's
 * providers decide what a lost race means for the client.
 *
 * <p>A refresh token replaced by rotation is kept as a superseded digest: presented again, it shows
 * that it was copied, and {@link #revokeGrantOfSupersededRefreshToken} ends the whole grant.
 *
 * <p>Lookups are not transactional themselves: a query joins the caller's transaction when there is
 * one (JDBC takes the thread's connection), and one answered from {@link RequestLookups} or the
 * {@link AuthorizationCache} costs neither a database round trip nor a transaction.
 * A saved grant enters the cache only once its transaction has committed.
 *
 * <p>A row that cannot be read (written by another version, or damaged) counts as no grant at all,
 * with one warning naming it: its code or token gets the same answer as an unknown one.
 */
public class DatabaseAuthorizationService implements OAuth2AuthorizationService {

  private static final Logger log = LoggerFactory.getLogger(DatabaseAuthorizationService.class);
  private final AuthorizationRepository repository;
  private final RegisteredClientRepository clients;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final AuthorizationCache cache;
  private final GrantRows rows = new GrantRows();

  /**
   * {@code cachedGrants}: how many grants to keep in memory (see {@link AuthorizationCache}); 0 when
   * other processes may write the same database.
   */
  public DatabaseAuthorizationService(AuthorizationRepository repository, RegisteredClientRepository clients,
      TransactionOperations transactions, Clock clock, int cachedGrants) {
    this.cache = new AuthorizationCache(cachedGrants);
    this.transactions = transactions;
    this.repository = repository;
    this.clients = clients;
    this.clock = clock;
  }

  /**
   * Stores the grant. A save that is one statement (a new grant, or tokens issued for a grant and
   * bound to it) runs on its own, committed by the database as it executes: a transaction around it
   * would add a round trip to PostgreSQL and the transaction manager's work to every code exchange.
   * A rotation also records the replaced refresh token, and tokens that name no grant have their
   * digests recorded (see {@link GrantBoundTokens}): those saves are one transaction.
   *
   * @throws GrantConflictException if the grant changed in storage since it was read
   */
  @Override
  public void save(OAuth2Authorization authorization) {
    RequestLookups.forget();
    StoredVersion read = authorization.getAttribute(StoredVersion.ATTRIBUTE);
    AuthorizationRow row = rows.toRow(authorization);
    List<String> unbound = GrantRows.unboundDigests(authorization);
    boolean rotates = read != null && read.refreshTokenHash() != null
        && !read.refreshTokenHash().equals(row.getRefreshTokenHash());
    Runnable write = () -> {
      if (read == null) {
        repository.insert(row);
      } else {
        row.setVersion(read.version() + 1);
        repository.update(row);
      }
      if (rotates) {
        repository.supersede(row.getId(), read.refreshTokenHash(), read.refreshTokenExpiresAt(), clock.instant());
      }
      repository.recordDigests(row.getId(), unbound);
    };
    if (rotates || !unbound.isEmpty()) {
      transactions.executeWithoutResult(status -> write.run());
    } else {
      write.run();
    }
    if (cache.enabled()) {
      OAuth2Authorization stored = GrantRows.stored(authorization, row);
      List<String> keys = keysOf(row);
      afterCommit(() -> cache.saved(stored, keys));
    }
  }

  /** Runs {@code action} once the caller's transaction has committed, or now when there is none. */
  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  /**
   * Removes the grant (its current access and refresh tokens with it) when {@code refreshToken}
   * is one that rotation already replaced (RFC 9700 section 4.14.2). False when it is not.
   */
  @Transactional
  public boolean revokeGrantOfSupersededRefreshToken(String refreshToken) {
    if (!StringUtils.hasText(refreshToken)) {
      return false;
    }
    return repository.findGrantOfSupersededRefreshToken(Sha256.hexOf(refreshToken))
        .flatMap(repository::findById)
        .map(grant -> {
          log.warn("A replaced refresh token of client '{}' was presented again; the grant of user '{}' is revoked",
              grant.getRegisteredClientId(), grant.getPrincipalName());
          removeById(grant.getId());
          return true;
        })
        .orElse(false);
  }

  /** Removes the grant with this id, if there still is one: every code and token of it stops working. */
  @Transactional
  public void removeById(String id) {
    RequestLookups.forget();
    repository.deleteById(id);
    afterCommit(() -> cache.removed(id));
  }

  @Override
  @Transactional
  public void remove(OAuth2Authorization authorization) {
    removeById(authorization.getId());
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return repository.findById(id).map(this::toAuthorization).orElse(null);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    if (!StringUtils.hasText(token)) {
      return null;
    }
    String digest = Sha256.hexOf(token);
    String lookup = (tokenType == null ? "any" : tokenType.getValue()) + ":" + digest;
    OAuth2Authorization seen = RequestLookups.get(lookup);
    if (seen != null) {
      return seen;
    }
    OAuth2Authorization stored = cached(digest, tokenType);
    if (stored == null) {
      stored = read(token, digest, tokenType);
    }
    if (stored == null) {
      return null;
    }
    OAuth2Authorization found = GrantRows.revealing(stored, token, digest);
    RequestLookups.put(lookup, found);
    return found;
  }

  /** The grant from the database, kept in the cache when that is on. */
  private OAuth2Authorization read(String token, String digest, OAuth2TokenType tokenType) {
    if (!cache.enabled()) {
      return find(token, digest, tokenType).map(this::toAuthorization).orElse(null);
    }
    long readBegan = cache.readBegins();
    AuthorizationRow row = find(token, digest, tokenType).orElse(null);
    OAuth2Authorization stored = row == null ? null : toAuthorization(row);
    if (stored != null) {
      cache.read(stored, keysOf(row), readBegan);
    }
    return stored;
  }

  private OAuth2Authorization cached(String digest, OAuth2TokenType tokenType) {
    if (!cache.enabled()) {
      return null;
    }
    if (tokenType != null) {
      return cache.find(tokenType.getValue() + ":" + digest);
    }
    for (Digest kind : Digest.ANY_ORDER) {
      OAuth2Authorization found = cache.find(kind.tokenType() + ":" + digest);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * A token that names its grant is looked for in that grant, then, like any other, through the
   * indexes and the recorded digests (see {@link GrantBoundTokens}): a token made for one grant and
   * stored with another is recorded, not lost.
   */
  private Optional<AuthorizationRow> find(String token, String digest, OAuth2TokenType tokenType) {
    Optional<String> grantId = GrantBoundTokens.grantIdOf(token);
    if (tokenType == null) {
      return grantId.flatMap(id -> repository.findByIdAndAnyIssuedDigest(id, digest))
          .or(() -> repository.findByAnyDigest(digest));
    }
    return Digest.ofTokenType(tokenType.getValue()).flatMap(kind -> grantId.filter(id -> kind.issued())
        .flatMap(id -> repository.findByIdAndDigest(id, kind, digest))
        .or(() -> repository.findBy(kind, digest)));
  }

  /** The cache keys of a stored grant: one per digest it holds, named by the token type. */
  private static List<String> keysOf(AuthorizationRow row) {
    List<String> keys = new ArrayList<>();
    for (Digest column : Digest.values()) {
      String digest = row.digest(column);
      if (digest != null) {
        keys.add(column.tokenType() + ":" + digest);
      }
    }
    return keys;
  }

  /** The stored grant, or null when its client is gone from the configuration or the row is unreadable. */
  private OAuth2Authorization toAuthorization(AuthorizationRow row) {
    RegisteredClient client = clients.findById(row.getRegisteredClientId());
    if (client == null) {
      // The client was removed from the configuration: its grants are void.
      return null;
    }
    try {
      return rows.toAuthorization(row, client);
    } catch (RuntimeException unreadable) {
      log.warn("Grant {} of client '{}' cannot be read and counts as revoked: {}", row.getId(),
          row.getRegisteredClientId(), GrantDataFormat.reasonWithoutData(unreadable));
      return null;
    }
  }
}
