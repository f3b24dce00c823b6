package dev.gatehouse.oidc.authorization;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.storage.AuthorizationEntity;
import dev.gatehouse.storage.AuthorizationRepository;
import dev.gatehouse.storage.SupersededRefreshTokenEntity;
import dev.gatehouse.storage.SupersededRefreshTokenRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.jackson.SecurityJacksonModules;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

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
 * <p>Lookups join a transaction when there is one and otherwise need none, so that one answered
 * from {@link RequestLookups} or the {@link AuthorizationCache} costs no database round trip at all.
 * A saved grant enters the cache only once its transaction has committed.
 */
@Transactional
public class JpaAuthorizationService implements OAuth2AuthorizationService {

  private static final String HIDDEN = "\u0000sha256:";
  /** The order of {@link AuthorizationRepository#findByAnyTokenHash}'s branches. */
  private static final List<String> ANY_TOKEN_ORDER = List.of(OAuth2ParameterNames.ACCESS_TOKEN,
      OAuth2ParameterNames.REFRESH_TOKEN, OAuth2ParameterNames.CODE, OidcParameterNames.ID_TOKEN,
      OAuth2ParameterNames.STATE);
  private static final Logger log = LoggerFactory.getLogger(JpaAuthorizationService.class);
  private final AuthorizationRepository repository;
  private final SupersededRefreshTokenRepository superseded;
  private final RegisteredClientRepository clients;
  private final Clock clock;
  private final AuthorizationCache cache;
  private final JsonMapper json = JsonMapper.builder()
      .addModules(SecurityJacksonModules.getModules(JpaAuthorizationService.class.getClassLoader()))
      .build();
  private final JavaType mapType = json.getTypeFactory()
      .constructType(new ParameterizedTypeReference<Map<String, Object>>() { }.getType());

  /**
   * {@code cachedGrants}: how many grants to keep in memory (see {@link AuthorizationCache}); 0 when
   * other processes may write the same database.
   */
  public JpaAuthorizationService(AuthorizationRepository repository, SupersededRefreshTokenRepository superseded,
      RegisteredClientRepository clients, Clock clock, int cachedGrants) {
    this.cache = new AuthorizationCache(cachedGrants);
    this.repository = repository;
    this.superseded = superseded;
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    RequestLookups.forget();
    AuthorizationEntity entity = toEntity(authorization);
    repository.findById(entity.getId()).ifPresent(stored -> keepIfSuperseded(stored, entity));
    repository.save(entity);
    OAuth2Authorization stored = TokenValues.rewrite(authorization, JpaAuthorizationService::hidden);
    List<String> keys = keysOf(entity);
    afterCommit(() -> cache.saved(stored, keys));
  }

  private void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  private void keepIfSuperseded(AuthorizationEntity stored, AuthorizationEntity updated) {
    String previous = stored.getRefreshTokenHash();
    if (previous != null && !previous.equals(updated.getRefreshTokenHash())) {
      superseded.deleteExpired(stored.getId(), clock.instant());
      superseded.save(new SupersededRefreshTokenEntity(previous, stored.getId(), stored.getRefreshTokenExpiresAt()));
    }
  }

  /**
   * Removes the grant (its current access and refresh tokens with it) when {@code refreshToken}
   * is one that rotation already replaced (RFC 9700 section 4.14.2). False when it is not.
   */
  public boolean revokeGrantOfSupersededRefreshToken(String refreshToken) {
    if (!StringUtils.hasText(refreshToken)) {
      return false;
    }
    return superseded.findById(Sha256.hexOf(refreshToken))
        .flatMap(row -> repository.findById(row.getAuthorizationId()))
        .map(grant -> {
          RequestLookups.forget();
          log.warn("A replaced refresh token of client '{}' was presented again; the grant of user '{}' is revoked",
              grant.getRegisteredClientId(), grant.getPrincipalName());
          repository.delete(grant);
          afterCommit(() -> cache.removed(grant.getId()));
          return true;
        })
        .orElse(false);
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    RequestLookups.forget();
    repository.deleteById(authorization.getId());
    afterCommit(() -> cache.removed(authorization.getId()));
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public OAuth2Authorization findById(String id) {
    return repository.findById(id).map(this::toAuthorization).orElse(null);
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
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
      long readBegan = cache.readBegins();
      AuthorizationEntity entity = find(digest, tokenType).orElse(null);
      stored = entity == null ? null : toAuthorization(entity);
      if (stored != null) {
        cache.read(stored, keysOf(entity), readBegan);
      }
    }
    if (stored == null) {
      return null;
    }
    OAuth2Authorization found = TokenValues.rewrite(stored, value -> value.equals(HIDDEN + digest) ? token : value);
    RequestLookups.put(lookup, found);
    return found;
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

  private Optional<AuthorizationEntity> find(String digest, OAuth2TokenType tokenType) {
    if (tokenType == null) {
      return repository.findByAnyTokenHash(digest);
    }
    return switch (tokenType.getValue()) {
      case OAuth2ParameterNames.STATE -> repository.findByStateHash(digest);
      case OAuth2ParameterNames.CODE -> repository.findByAuthorizationCodeHash(digest);
      case OAuth2ParameterNames.ACCESS_TOKEN -> repository.findByAccessTokenHash(digest);
      case OAuth2ParameterNames.REFRESH_TOKEN -> repository.findByRefreshTokenHash(digest);
      case OidcParameterNames.ID_TOKEN -> repository.findByOidcIdTokenHash(digest);
      default -> Optional.empty();
    };
  }

  /** The cache keys of a stored grant: one per digest it holds, named by the token type. */
  private static List<String> keysOf(AuthorizationEntity entity) {
    List<String> keys = new ArrayList<>();
    addKey(keys, OAuth2ParameterNames.STATE, entity.getStateHash());
    addKey(keys, OAuth2ParameterNames.CODE, entity.getAuthorizationCodeHash());
    addKey(keys, OAuth2ParameterNames.ACCESS_TOKEN, entity.getAccessTokenHash());
    addKey(keys, OAuth2ParameterNames.REFRESH_TOKEN, entity.getRefreshTokenHash());
    addKey(keys, OidcParameterNames.ID_TOKEN, entity.getOidcIdTokenHash());
    return keys;
  }

  private static void addKey(List<String> keys, String kind, String digest) {
    if (digest != null) {
      keys.add(kind + ":" + digest);
    }
  }

  private AuthorizationEntity toEntity(OAuth2Authorization authorization) {
    AuthorizationEntity entity = new AuthorizationEntity();
    entity.setId(authorization.getId());
    entity.setRegisteredClientId(authorization.getRegisteredClientId());
    entity.setPrincipalName(authorization.getPrincipalName());
    entity.setAuthorizationGrantType(authorization.getAuthorizationGrantType().getValue());
    entity.setAuthorizedScopes(StringUtils.collectionToDelimitedString(authorization.getAuthorizedScopes(), ","));
    entity.setAttributes(write(authorization.getAttributes()));
    String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
    entity.setStateHash(state == null ? null : digestOf(state));

    var code = authorization.getToken(OAuth2AuthorizationCode.class);
    if (code != null) {
      entity.setAuthorizationCodeHash(digestOf(code.getToken().getTokenValue()));
      entity.setAuthorizationCodeIssuedAt(code.getToken().getIssuedAt());
      entity.setAuthorizationCodeExpiresAt(code.getToken().getExpiresAt());
      entity.setAuthorizationCodeMetadata(write(code.getMetadata()));
    }
    var access = authorization.getToken(OAuth2AccessToken.class);
    if (access != null) {
      entity.setAccessTokenHash(digestOf(access.getToken().getTokenValue()));
      entity.setAccessTokenIssuedAt(access.getToken().getIssuedAt());
      entity.setAccessTokenExpiresAt(access.getToken().getExpiresAt());
      entity.setAccessTokenMetadata(write(access.getMetadata()));
      entity.setAccessTokenType(access.getToken().getTokenType().getValue());
      entity.setAccessTokenScopes(StringUtils.collectionToDelimitedString(access.getToken().getScopes(), ","));
    }
    var refresh = authorization.getToken(OAuth2RefreshToken.class);
    if (refresh != null) {
      entity.setRefreshTokenHash(digestOf(refresh.getToken().getTokenValue()));
      entity.setRefreshTokenIssuedAt(refresh.getToken().getIssuedAt());
      entity.setRefreshTokenExpiresAt(refresh.getToken().getExpiresAt());
      entity.setRefreshTokenMetadata(write(refresh.getMetadata()));
    }
    var idToken = authorization.getToken(OidcIdToken.class);
    if (idToken != null) {
      entity.setOidcIdTokenHash(digestOf(idToken.getToken().getTokenValue()));
      entity.setOidcIdTokenIssuedAt(idToken.getToken().getIssuedAt());
      entity.setOidcIdTokenExpiresAt(idToken.getToken().getExpiresAt());
      entity.setOidcIdTokenMetadata(write(idToken.getMetadata()));
    }
    return entity;
  }

  /** The grant as stored: its code and tokens carry {@code HIDDEN + digest} as their values. */
  private OAuth2Authorization toAuthorization(AuthorizationEntity entity) {
    RegisteredClient client = clients.findById(entity.getRegisteredClientId());
    if (client == null) {
      // The client was removed from the configuration: its grants are void.
      return null;
    }
    OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
        .id(entity.getId())
        .principalName(entity.getPrincipalName())
        .authorizationGrantType(new AuthorizationGrantType(entity.getAuthorizationGrantType()))
        .authorizedScopes(StringUtils.commaDelimitedListToSet(entity.getAuthorizedScopes()))
        .attributes(attributes -> attributes.putAll(read(entity.getAttributes())));
    if (entity.getAuthorizationCodeHash() != null) {
      var code = new OAuth2AuthorizationCode(HIDDEN + entity.getAuthorizationCodeHash(),
          entity.getAuthorizationCodeIssuedAt(), entity.getAuthorizationCodeExpiresAt());
      builder.token(code, metadata -> metadata.putAll(read(entity.getAuthorizationCodeMetadata())));
    }
    if (entity.getAccessTokenHash() != null) {
      Set<String> scopes = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(entity.getAccessTokenScopes()));
      var tokenType = OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(entity.getAccessTokenType())
          ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
      var access = new OAuth2AccessToken(tokenType, HIDDEN + entity.getAccessTokenHash(),
          entity.getAccessTokenIssuedAt(), entity.getAccessTokenExpiresAt(), scopes);
      builder.token(access, metadata -> metadata.putAll(read(entity.getAccessTokenMetadata())));
    }
    if (entity.getRefreshTokenHash() != null) {
      var refresh = new OAuth2RefreshToken(HIDDEN + entity.getRefreshTokenHash(),
          entity.getRefreshTokenIssuedAt(), entity.getRefreshTokenExpiresAt());
      builder.token(refresh, metadata -> metadata.putAll(read(entity.getRefreshTokenMetadata())));
    }
    if (entity.getOidcIdTokenHash() != null) {
      Map<String, Object> metadata = read(entity.getOidcIdTokenMetadata());
      @SuppressWarnings("unchecked")
      Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
      var idToken = new OidcIdToken(HIDDEN + entity.getOidcIdTokenHash(),
          entity.getOidcIdTokenIssuedAt(), entity.getOidcIdTokenExpiresAt(), claims);
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

  private String write(Map<String, Object> data) {
    return json.writeValueAsString(new HashMap<>(data));
  }

  private Map<String, Object> read(String data) {
    return data == null ? new HashMap<>() : json.readValue(data, mapType);
  }
}
