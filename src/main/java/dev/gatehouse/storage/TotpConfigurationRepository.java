package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** totp_configuration: at most one device per user. */
public class TotpConfigurationRepository {

  private final JdbcTemplate jdbc;
  private final String upsert;

  public TotpConfigurationRepository(JdbcTemplate jdbc, StorageEngine engine) {
    this.jdbc = jdbc;
    this.upsert = Upsert.statement(engine, "totp_configuration", List.of("username"), List.of("username", "issuer",
        "algorithm", "digits", "period", "encrypted_secret", "created_at", "last_used_at"));
  }

  private static final RowMapper<TotpConfigurationRow> ROW = (row, number) -> new TotpConfigurationRow(
      row.getString("username"), row.getString("issuer"), row.getString("algorithm"), row.getInt("digits"),
      row.getInt("period"), row.getString("encrypted_secret"), read(row, "created_at"), read(row, "last_used_at"));

  public Optional<TotpConfigurationRow> find(String username) {
    return jdbc.query("select * from totp_configuration where username = ?", ROW, username).stream().findFirst();
  }

  public List<TotpConfigurationRow> all() {
    return jdbc.query("select * from totp_configuration order by username", ROW);
  }

  public boolean exists(String username) {
    return !jdbc.queryForList("select 1 from totp_configuration where username = ?", Integer.class, username)
        .isEmpty();
  }

  /** Keeps the device in place of the user's previous one, if any. */
  public void save(TotpConfigurationRow device) {
    jdbc.update(upsert, device.username(), device.issuer(), device.algorithm(), device.digits(), device.period(),
        device.encryptedSecret(), of(device.createdAt()), device.lastUsedAt() == null ? null : of(device.lastUsedAt()));
  }

  public void recordUse(String username, Instant at) {
    jdbc.update("update totp_configuration set last_used_at = ? where username = ?", of(at), username);
  }

  public void delete(String username) {
    jdbc.update("delete from totp_configuration where username = ?", username);
  }
}
