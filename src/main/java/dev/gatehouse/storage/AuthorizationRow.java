package dev.gatehouse.storage;

import java.time.Instant;

/** A row of oauth2_authorization: one grant of a client by a user, its code and tokens kept only as SHA-256 digests. */
public class AuthorizationRow {

  private String id;
  private String registeredClientId;
  private String principalName;
  private String authorizationGrantType;
  private String authorizedScopes;
  private String attributes;
  private String stateHash;

  private String authorizationCodeHash;
  private Instant authorizationCodeIssuedAt;
  private Instant authorizationCodeExpiresAt;
  private String authorizationCodeMetadata;

  private String accessTokenHash;
  private Instant accessTokenIssuedAt;
  private Instant accessTokenExpiresAt;
  private String accessTokenMetadata;
  private String accessTokenType;
  private String accessTokenScopes;

  private String refreshTokenHash;
  private Instant refreshTokenIssuedAt;
  private Instant refreshTokenExpiresAt;
  private String refreshTokenMetadata;

  private String oidcIdTokenHash;
  private Instant oidcIdTokenIssuedAt;
  private Instant oidcIdTokenExpiresAt;
  private String oidcIdTokenMetadata;

  /** Grows by one with every save; a save names the version it replaces. */
  private long version;

  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public String getRegisteredClientId() { return registeredClientId; }
  public void setRegisteredClientId(String v) { this.registeredClientId = v; }
  public String getPrincipalName() { return principalName; }
  public void setPrincipalName(String v) { this.principalName = v; }
  public String getAuthorizationGrantType() { return authorizationGrantType; }
  public void setAuthorizationGrantType(String v) { this.authorizationGrantType = v; }
  public String getAuthorizedScopes() { return authorizedScopes; }
  public void setAuthorizedScopes(String v) { this.authorizedScopes = v; }
  public String getAttributes() { return attributes; }
  public void setAttributes(String v) { this.attributes = v; }
  public String getStateHash() { return stateHash; }
  public void setStateHash(String v) { this.stateHash = v; }

  public String getAuthorizationCodeHash() { return authorizationCodeHash; }
  public void setAuthorizationCodeHash(String v) { this.authorizationCodeHash = v; }
  public Instant getAuthorizationCodeIssuedAt() { return authorizationCodeIssuedAt; }
  public void setAuthorizationCodeIssuedAt(Instant v) { this.authorizationCodeIssuedAt = v; }
  public Instant getAuthorizationCodeExpiresAt() { return authorizationCodeExpiresAt; }
  public void setAuthorizationCodeExpiresAt(Instant v) { this.authorizationCodeExpiresAt = v; }
  public String getAuthorizationCodeMetadata() { return authorizationCodeMetadata; }
  public void setAuthorizationCodeMetadata(String v) { this.authorizationCodeMetadata = v; }

  public String getAccessTokenHash() { return accessTokenHash; }
  public void setAccessTokenHash(String v) { this.accessTokenHash = v; }
  public Instant getAccessTokenIssuedAt() { return accessTokenIssuedAt; }
  public void setAccessTokenIssuedAt(Instant v) { this.accessTokenIssuedAt = v; }
  public Instant getAccessTokenExpiresAt() { return accessTokenExpiresAt; }
  public void setAccessTokenExpiresAt(Instant v) { this.accessTokenExpiresAt = v; }
  public String getAccessTokenMetadata() { return accessTokenMetadata; }
  public void setAccessTokenMetadata(String v) { this.accessTokenMetadata = v; }
  public String getAccessTokenType() { return accessTokenType; }
  public void setAccessTokenType(String v) { this.accessTokenType = v; }
  public String getAccessTokenScopes() { return accessTokenScopes; }
  public void setAccessTokenScopes(String v) { this.accessTokenScopes = v; }

  public String getRefreshTokenHash() { return refreshTokenHash; }
  public void setRefreshTokenHash(String v) { this.refreshTokenHash = v; }
  public Instant getRefreshTokenIssuedAt() { return refreshTokenIssuedAt; }
  public void setRefreshTokenIssuedAt(Instant v) { this.refreshTokenIssuedAt = v; }
  public Instant getRefreshTokenExpiresAt() { return refreshTokenExpiresAt; }
  public void setRefreshTokenExpiresAt(Instant v) { this.refreshTokenExpiresAt = v; }
  public String getRefreshTokenMetadata() { return refreshTokenMetadata; }
  public void setRefreshTokenMetadata(String v) { this.refreshTokenMetadata = v; }

  public String getOidcIdTokenHash() { return oidcIdTokenHash; }
  public void setOidcIdTokenHash(String v) { this.oidcIdTokenHash = v; }
  public Instant getOidcIdTokenIssuedAt() { return oidcIdTokenIssuedAt; }
  public void setOidcIdTokenIssuedAt(Instant v) { this.oidcIdTokenIssuedAt = v; }
  public Instant getOidcIdTokenExpiresAt() { return oidcIdTokenExpiresAt; }
  public void setOidcIdTokenExpiresAt(Instant v) { this.oidcIdTokenExpiresAt = v; }
  public String getOidcIdTokenMetadata() { return oidcIdTokenMetadata; }
  public void setOidcIdTokenMetadata(String v) { this.oidcIdTokenMetadata = v; }

  public long getVersion() { return version; }
  public void setVersion(long v) { this.version = v; }

  /** The digest this row holds in {@code column}, or null. */
  public String digest(AuthorizationRepository.Digest column) {
    return switch (column) {
      case STATE -> stateHash;
      case CODE -> authorizationCodeHash;
      case ACCESS_TOKEN -> accessTokenHash;
      case REFRESH_TOKEN -> refreshTokenHash;
      case ID_TOKEN -> oidcIdTokenHash;
    };
  }
}
