package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** totp_configuration: at most one device per user. */
public class TotpConfigurationRepository {

  private final JdbcTemplate jdbc;

  public TotpConfigurationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<TotpConfigurationRow> find(String username) {
    return jdbc.query("select * from totp_configuration where username = ?",
        (row, number) -> new TotpConfigurationRow(row.getString("username"), row.getString("issuer"),
            row.getString("algorithm"), row.getInt("digits"), row.getInt("period"),
            row.getString("encrypted_secret"), read(row, "created_at")),
        username).stream().findFirst();
  }

  public boolean exists(String username) {
    return !jdbc.queryForList("select 1 from totp_configuration where username = ?", Integer.class, username)
        .isEmpty();
  }

  public void insert(TotpConfigurationRow device) {
    jdbc.update("insert into totp_configuration (username, issuer, algorithm, digits, period, encrypted_secret,"
        + " created_at) values (?, ?, ?, ?, ?, ?, ?)", device.username(), device.issuer(), device.algorithm(),
        device.digits(), device.period(), device.encryptedSecret(), of(device.createdAt()));
  }

  public void recordUse(String username, Instant at) {
    jdbc.update("update totp_configuration set last_used_at = ? where username = ?", of(at), username);
  }

  public void delete(String username) {
    jdbc.update("delete from totp_configuration where username = ?", username);
  }
}
