package dev.gatehouse.storage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The random subject identifier handed to clients instead of the username. */
@Entity
@Table(name = "user_opaque_identifier")
public class OpaqueIdentifierEntity {

  @Id
  private String identifier;
  private String service;
  private String sectorId;
  private String username;

  protected OpaqueIdentifierEntity() {
  }

  public OpaqueIdentifierEntity(String identifier, String service, String sectorId, String username) {
    this.identifier = identifier;
    this.service = service;
    this.sectorId = sectorId;
    this.username = username;
  }

  public String getIdentifier() { return identifier; }
  public String getUsername() { return username; }
}
