package dev.gatehouse.oidc.grants;

import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.storage.AuthorizationRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

/**
 * A grant as Spring Authorization Server models it, to and from its row, with every code and token
 * kept as its SHA-256 digest.
 *
 * <p>A token read back from a row has no value, only its digest. Such a token carries the value
 * {@code HIDDEN + digest}, which can never equal a real token (they are base64url), so that saving
 * the grant again keeps the digest instead of hashing the placeholder.
 */
final class GrantRows {

  private static final String HIDDEN = "\u0000sha256:";

  private final GrantDataFormat format = new GrantDataFormat();

  AuthorizationRow toRow(OAuth2Authorization authorization) {
    AuthorizationRow row = new AuthorizationRow();
    row.setId(authorization.getId());
    row.setRegisteredClientId(authorization.getRegisteredClientId());
    row.setPrincipalName(authorization.getPrincipalName());
    row.setAuthorizationGrantType(authorization.getAuthorizationGrantType().getValue());
    row.setAuthorizedScopes(StringUtils.collectionToDelimitedString(authorization.getAuthorizedScopes(), ","));
    Map<String, Object> attributes = new HashMap<>(authorization.getAttributes());
    attributes.remove(StoredVersion.ATTRIBUTE);
    row.setAttributes(format.write(attributes));
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

  /**
   * The grant as stored: its code and tokens carry {@code HIDDEN + digest} as their values, and it
   * knows its {@link StoredVersion}. Throws if a column cannot be read.
   */
  OAuth2Authorization toAuthorization(AuthorizationRow row, RegisteredClient client) {
    OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
        .id(row.getId())
        .principalName(row.getPrincipalName())
        .authorizationGrantType(new AuthorizationGrantType(row.getAuthorizationGrantType()))
        .authorizedScopes(StringUtils.commaDelimitedListToSet(row.getAuthorizedScopes()))
        .attributes(attributes -> attributes.putAll(format.read(row.getAttributes())))
        .attribute(StoredVersion.ATTRIBUTE, StoredVersion.of(row));
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

  /**
   * The digests of the access, refresh and ID tokens this save issues that do not name their grant
   * ({@link GrantBoundTokens}): only these are recorded in oauth2_token_digest to be found by.
   */
  static List<String> unboundDigests(OAuth2Authorization authorization) {
    List<String> digests = new ArrayList<>();
    for (var type : List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class)) {
      OAuth2Authorization.Token<?> token = authorization.getToken(type);
      String value = token == null ? null : token.getToken().getTokenValue();
      if (value != null && !value.startsWith(HIDDEN)
          && !GrantBoundTokens.bound(value, token.getClaims(), authorization.getId())) {
        digests.add(Sha256.hexOf(value));
      }
    }
    return digests;
  }

  /** The grant as it is now stored: tokens as digests, at the version {@code row} was saved with. */
  static OAuth2Authorization stored(OAuth2Authorization saved, AuthorizationRow row) {
    return TokenValues.rewriting(saved, GrantRows::hidden)
        .attribute(StoredVersion.ATTRIBUTE, StoredVersion.of(row))
        .build();
  }

  /** A lookup's grant with the presented {@code token} in place of its digest. */
  static OAuth2Authorization revealing(OAuth2Authorization stored, String token, String digest) {
    return TokenValues.rewriting(stored, value -> value.equals(HIDDEN + digest) ? token : value).build();
  }

  private static String digestOf(String tokenValue) {
    return tokenValue.startsWith(HIDDEN) ? tokenValue.substring(HIDDEN.length()) : Sha256.hexOf(tokenValue);
  }

  private static String hidden(String tokenValue) {
    return tokenValue.startsWith(HIDDEN) ? tokenValue : HIDDEN + Sha256.hexOf(tokenValue);
  }
}
