package dev.gatehouse.storage;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** user_opaque_identifier: the random subject identifier handed to clients instead of the username. */
public class OpaqueIdentifierRepository {

  private final JdbcTemplate jdbc;

  public OpaqueIdentifierRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> find(String service, String sectorId, String username) {
    return jdbc.queryForList("select identifier from user_opaque_identifier where service = ? and sector_id = ?"
        + " and username = ?", String.class, service, sectorId, username).stream().findFirst();
  }

  public List<OpaqueIdentifierRow> all() {
    return jdbc.query("select identifier, service, sector_id, username from user_opaque_identifier"
        + " order by username, service, sector_id", (row, number) -> new OpaqueIdentifierRow(row.getString(1),
        row.getString(2), row.getString(3), row.getString(4)));
  }

  /**
   * Stores a new identifier; throws {@link org.springframework.dao.DataIntegrityViolationException}
   * when the user already has one for this service and sector.
   */
  public void insert(String identifier, String service, String sectorId, String username) {
    jdbc.update("insert into user_opaque_identifier (identifier, service, sector_id, username) values (?, ?, ?, ?)",
        identifier, service, sectorId, username);
  }
}
