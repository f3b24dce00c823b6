package dev.gatehouse.oidc.grants;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.storage.AuthorizationRepository;
import dev.gatehouse.storage.AuthorizationRepository.Digest;
import dev.gatehouse.storage.AuthorizationRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * Keeps authorizations in the database with every code and token stored as its SHA-256 digest.
 *
 * <p>A token read back from the database has no value, only its digest. Such a token carries the
 * value {@code HIDDEN + digest}, which can never equal a real token (they are base64url), so that
 * saving the authorization again keeps the digest instead of hashing the placeholder.
 *
 * <p>A refresh token replaced by rotation is kept as a superseded digest: presented again, it shows
 * that it was copied, and {@link #revokeGrantOfSupersededRefreshToken} ends the whole grant.
 *
 * <p>Lookups are not transactional themselves: a query joins the caller's transaction when there is
 * one (JDBC takes the thread's connection), and one answered from {@link RequestLookups} or the
 * {@link AuthorizationCache} costs neither a database round trip nor a transaction.
 * A saved grant enters the cache only once its transaction has committed.
 */
public class DatabaseAuthorizationService implements OAuth2AuthorizationService {

  private static final String HIDDEN = "\u0000sha256:";
  /** The order of {@link AuthorizationRepository#findByAnyDigest}'s branches. */
  private static final List<String> ANY_TOKEN_ORDER = List.of(OAuth2ParameterNames.ACCESS_TOKEN,
      OAuth2ParameterNames.REFRESH_TOKEN, OAuth2ParameterNames.CODE, OidcParameterNames.ID_TOKEN,
      OAuth2ParameterNames.STATE);
  private static final Logger log = LoggerFactory.getLogger(DatabaseAuthorizationService.class);
  private final AuthorizationRepository repository;
  private final RegisteredClientRepository clients;
  private final Clock clock;
  private final AuthorizationCache cache;
  private final GrantDataFormat format = new GrantDataFormat();

  /**
   * {@code cachedGrants}: how many grants to keep in memory (see {@link AuthorizationCache}); 0 when
   * other processes may write the same database.
   */
  public DatabaseAuthorizationService(AuthorizationRepository repository, RegisteredClientRepository clients,
      Clock clock, int cachedGrants) {
    this.cache = new AuthorizationCache(cachedGrants);
    this.repository = repository;
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void save(OAuth2Authorization authorization) {
    RequestLookups.forget();
    AuthorizationRow row = toRow(authorization);
    repository.save(row, clock.instant());
    if (cache.enabled()) {
      OAuth2Authorization stored = TokenValues.rewrite(authorization, DatabaseAuthorizationService::hidden);
      List<String> keys = keysOf(row);
      afterCommit(() -> cache.saved(stored, keys));
    }
  }

  private void afterCommit(Runnable action) {
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
          RequestLookups.forget();
          log.warn("A replaced refresh token of client '{}' was presented again; the grant of user '{}' is revoked",
              grant.getRegisteredClientId(), grant.getPrincipalName());
          repository.deleteById(grant.getId());
          afterCommit(() -> cache.removed(grant.getId()));
          return true;
        })
        .orElse(false);
  }

  @Override
  @Transactional
  public void remove(OAuth2Authorization authorization) {
    RequestLookups.forget();
    repository.deleteById(authorization.getId());
    afterCommit(() -> cache.removed(authorization.getId()));
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
      stored = read(digest, tokenType);
    }
    if (stored == null) {
      return null;
    }
    OAuth2Authorization found = TokenValues.rewrite(stored, value -> value.equals(HIDDEN + digest) ? token : value);
    RequestLookups.put(lookup, found);
    return found;
  }

  /** The grant from the database, kept in the cache when that is on. */
  private OAuth2Authorization read(String digest, OAuth2TokenType tokenType) {
    if (!cache.enabled()) {
      return find(digest, tokenType).map(this::toAuthorization).orElse(null);
    }
    long readBegan = cache.readBegins();
    AuthorizationRow row = find(digest, tokenType).orElse(null);
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
    for (String kind : ANY_TOKEN_ORDER) {
      OAuth2Authorization found = cache.find(kind + ":" + digest);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Optional<AuthorizationRow> find(String digest, OAuth2TokenType tokenType) {
    if (tokenType == null) {
      return repository.findByAnyDigest(digest);
    }
    return switch (tokenType.getValue()) {
      case OAuth2ParameterNames.STATE -> repository.findBy(Digest.STATE, digest);
      case OAuth2ParameterNames.CODE -> repository.findBy(Digest.CODE, digest);
      case OAuth2ParameterNames.ACCESS_TOKEN -> repository.findBy(Digest.ACCESS_TOKEN, digest);
      case OAuth2ParameterNames.REFRESH_TOKEN -> repository.findBy(Digest.REFRESH_TOKEN, digest);
      case OidcParameterNames.ID_TOKEN -> repository.findBy(Digest.ID_TOKEN, digest);
      default -> Optional.empty();
    };
  }

  /** The cache keys of a stored grant: one per digest it holds, named by the token type. */
  private static List<String> keysOf(AuthorizationRow row) {
    List<String> keys = new ArrayList<>();
    addKey(keys, OAuth2ParameterNames.STATE, row.getStateHash());
    addKey(keys, OAuth2ParameterNames.CODE, row.getAuthorizationCodeHash());
    addKey(keys, OAuth2ParameterNames.ACCESS_TOKEN, row.getAccessTokenHash());
    addKey(keys, OAuth2ParameterNames.REFRESH_TOKEN, row.getRefreshTokenHash());
    addKey(keys, OidcParameterNames.ID_TOKEN, row.getOidcIdTokenHash());
    return keys;
  }

  private static void addKey(List<String> keys, String kind, String digest) {
    if (digest != null) {
      keys.add(kind + ":" + digest);
    }
  }

  private AuthorizationRow toRow(OAuth2Authorization authorization) {
    AuthorizationRow row = new AuthorizationRow();
    row.setId(authorization.getId());
    row.setRegisteredClientId(authorization.getRegisteredClientId());
    row.setPrincipalName(authorization.getPrincipalName());
    row.setAuthorizationGrantType(authorization.getAuthorizationGrantType().getValue());
    row.setAuthorizedScopes(StringUtils.collectionToDelimitedString(authorization.getAuthorizedScopes(), ","));
    row.setAttributes(format.write(authorization.getAttributes()));
    String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
    row.setStateHash(state == null ? null : digestOf(state));

    var code = authorization.getToken(OAuth2AuthorizationCode.class);
    if (code != null) {
      row.setAuthorizationCodeHash(digestOf(code.getToken().getTokenValue()));
      row.setAuthorizationCodeIssuedAt(code.getToken().getIssuedAt());
      row.setAuthorizationCodeExpiresAt(code.getToken().getExpiresAt());
      row.setAuthorizationCodeMetadata(format.write(code.getMetadata()));
    }
    var access = authorization.getToken(OAuth2AccessToken.class);
    if (access != null) {
      row.setAccessTokenHash(digestOf(access.getToken().getTokenValue()));
      row.setAccessTokenIssuedAt(access.getToken().getIssuedAt());
      row.setAccessTokenExpiresAt(access.getToken().getExpiresAt());
      row.setAccessTokenMetadata(format.write(access.getMetadata()));
      row.setAccessTokenType(access.getToken().getTokenType().getValue());
      row.setAccessTokenScopes(StringUtils.collectionToDelimitedString(access.getToken().getScopes(), ","));
    }
    var refresh = authorization.getToken(OAuth2RefreshToken.class);
    if (refresh != null) {
      row.setRefreshTokenHash(digestOf(refresh.getToken().getTokenValue()));
      row.setRefreshTokenIssuedAt(refresh.getToken().getIssuedAt());
      row.setRefreshTokenExpiresAt(refresh.getToken().getExpiresAt());
      row.setRefreshTokenMetadata(format.write(refresh.getMetadata()));
    }
    var idToken = authorization.getToken(OidcIdToken.class);
    if (idToken != null) {
      row.setOidcIdTokenHash(digestOf(idToken.getToken().getTokenValue()));
      row.setOidcIdTokenIssuedAt(idToken.getToken().getIssuedAt());
      row.setOidcIdTokenExpiresAt(idToken.getToken().getExpiresAt());
      row.setOidcIdTokenMetadata(format.write(idToken.getMetadata()));
    }
    return row;
  }

  /** The grant as stored: its code and tokens carry {@code HIDDEN + digest} as their values. */
  private OAuth2Authorization toAuthorization(AuthorizationRow row) {
    RegisteredClient client = clients.findById(row.getRegisteredClientId());
    if (client == null) {
      // The client was removed from the configuration: its grants are void.
      return null;
    }
    OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
        .id(row.getId())
        .principalName(row.getPrincipalName())
        .authorizationGrantType(new AuthorizationGrantType(row.getAuthorizationGrantType()))
        .authorizedScopes(StringUtils.commaDelimitedListToSet(row.getAuthorizedScopes()))
        .attributes(attributes -> attributes.putAll(format.read(row.getAttributes())));
    if (row.getAuthorizationCodeHash() != null) {
      var code = new OAuth2AuthorizationCode(HIDDEN + row.getAuthorizationCodeHash(),
          row.getAuthorizationCodeIssuedAt(), row.getAuthorizationCodeExpiresAt());
      builder.token(code, metadata -> metadata.putAll(format.read(row.getAuthorizationCodeMetadata())));
    }
    if (row.getAccessTokenHash() != null) {
      Set<String> scopes = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(row.getAccessTokenScopes()));
      var tokenType = OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(row.getAccessTokenType())
          ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
      var access = new OAuth2AccessToken(tokenType, HIDDEN + row.getAccessTokenHash(),
          row.getAccessTokenIssuedAt(), row.getAccessTokenExpiresAt(), scopes);
      builder.token(access, metadata -> metadata.putAll(format.read(row.getAccessTokenMetadata())));
    }
    if (row.getRefreshTokenHash() != null) {
      var refresh = new OAuth2RefreshToken(HIDDEN + row.getRefreshTokenHash(),
          row.getRefreshTokenIssuedAt(), row.getRefreshTokenExpiresAt());
      builder.token(refresh, metadata -> metadata.putAll(format.read(row.getRefreshTokenMetadata())));
    }
    if (row.getOidcIdTokenHash() != null) {
      Map<String, Object> metadata = format.read(row.getOidcIdTokenMetadata());
      @SuppressWarnings("unchecked")
      Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
      var idToken = new OidcIdToken(HIDDEN + row.getOidcIdTokenHash(),
          row.getOidcIdTokenIssuedAt(), row.getOidcIdTokenExpiresAt(), claims);
      builder.token(idToken, m -> m.putAll(metadata));
    }
    return builder.build();
  }

  private static String digestOf(String tokenValue) {
    return tokenValue.startsWith(HIDDEN) ? tokenValue.substring(HIDDEN.length()) : Sha256.hexOf(tokenValue);
  }

  private static String hidden(String tokenValue) {
    return tokenValue.startsWith(HIDDEN) ? tokenValue : HIDDEN + Sha256.hexOf(tokenValue);
  }
}
