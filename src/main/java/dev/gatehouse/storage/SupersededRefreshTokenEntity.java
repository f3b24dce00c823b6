package dev.gatehouse.storage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The digest of a refresh token that rotation replaced, and the grant it belonged to. */
@Entity
@Table(name = "oauth2_superseded_refresh_token")
public class SupersededRefreshTokenEntity {

  @Id
  private String tokenHash;
  private String authorizationId;
  private Instant expiresAt;

  protected SupersededRefreshTokenEntity() {
  }

  public SupersededRefreshTokenEntity(String tokenHash, String authorizationId, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.authorizationId = authorizationId;
    this.expiresAt = expiresAt;
  }

  public String getAuthorizationId() { return authorizationId; }
}
