package dev.gatehouse.storage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's TOTP device: its parameters as enrolled and its encrypted secret. */
@Entity
@Table(name = "totp_configuration")
public class TotpConfigurationEntity {

  @Id
  private String username;
  private String issuer;
  private String algorithm;
  private int digits;
  private int period;
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  private String encryptedSecret;
  private Instant createdAt;
  private Instant lastUsedAt;

  protected TotpConfigurationEntity() {
  }

  public TotpConfigurationEntity(String username, String issuer, String algorithm, int digits, int period,
      String encryptedSecret, Instant createdAt) {
    this.username = username;
    this.issuer = issuer;
    this.algorithm = algorithm;
    this.digits = digits;
    this.period = period;
    this.encryptedSecret = encryptedSecret;
    this.createdAt = createdAt;
  }

  public String getUsername() { return username; }
  public String getIssuer() { return issuer; }
  public String getAlgorithm() { return algorithm; }
  public int getDigits() { return digits; }
  public int getPeriod() { return period; }
  public String getEncryptedSecret() { return encryptedSecret; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getLastUsedAt() { return lastUsedAt; }
  public void setLastUsedAt(Instant lastUsedAt) { this.lastUsedAt = lastUsedAt; }
}
