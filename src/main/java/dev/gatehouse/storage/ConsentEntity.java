package dev.gatehouse.storage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A user's remembered consent to a client: the scopes approved, valid until it expires. */
@Entity
@Table(name = "oauth2_consent")
@IdClass(ConsentEntity.Key.class)
public class ConsentEntity {

  /** One remembered consent per client and user. */
  public record Key(String registeredClientId, String principalName) implements Serializable {
  }

  @Id
  private String registeredClientId;
  @Id
  private String principalName;
  private String scopes;
  private Instant grantedAt;
  private Instant expiresAt;

  protected ConsentEntity() {
  }

  public ConsentEntity(String registeredClientId, String principalName, String scopes, Instant grantedAt,
      Instant expiresAt) {
    this.registeredClientId = registeredClientId;
    this.principalName = principalName;
    this.scopes = scopes;
    this.grantedAt = grantedAt;
    this.expiresAt = expiresAt;
  }

  public String getRegisteredClientId() { return registeredClientId; }
  public String getPrincipalName() { return principalName; }
  public String getScopes() { return scopes; }
  public Instant getGrantedAt() { return grantedAt; }
  public Instant getExpiresAt() { return expiresAt; }
}
