package dev.gatehouse.storage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A signing key Gatehouse generated for itself, kept so restarts keep the same kid. */
@Entity
@Table(name = "oidc_signing_key")
public class SigningKeyEntity {

  @Id
  private String keyId;
  private String algorithm;
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  private String encryptedPrivateKey;
  private Instant createdAt;

  protected SigningKeyEntity() {
  }

  public SigningKeyEntity(String keyId, String algorithm, String encryptedPrivateKey, Instant createdAt) {
    this.keyId = keyId;
    this.algorithm = algorithm;
    this.encryptedPrivateKey = encryptedPrivateKey;
    this.createdAt = createdAt;
  }

  public String getKeyId() { return keyId; }
  public String getAlgorithm() { return algorithm; }
  public String getEncryptedPrivateKey() { return encryptedPrivateKey; }
}
