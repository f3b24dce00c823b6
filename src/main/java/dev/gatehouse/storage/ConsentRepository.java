package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** oauth2_consent: at most one remembered consent per client and user. */
public class ConsentRepository {

  private final JdbcTemplate jdbc;
  private final String upsert;

  public ConsentRepository(JdbcTemplate jdbc, StorageEngine engine) {
    this.jdbc = jdbc;
    this.upsert = Upsert.statement(engine, "oauth2_consent", List.of("registered_client_id", "principal_name"),
        List.of("registered_client_id", "principal_name", "scopes", "granted_at", "expires_at"));
  }

  public Optional<ConsentRow> findValid(String registeredClientId, String principalName, Instant now) {
    return jdbc.query("select * from oauth2_consent where registered_client_id = ? and principal_name = ?"
            + " and expires_at > ?",
        (row, number) -> new ConsentRow(row.getString("registered_client_id"), row.getString("principal_name"),
            row.getString("scopes"), read(row, "granted_at"), read(row, "expires_at")),
        registeredClientId, principalName, of(now)).stream().findFirst();
  }

  /** Keeps the consent in place of the client and user's previous one. */
  public void save(ConsentRow consent) {
    jdbc.update(upsert, consent.registeredClientId(), consent.principalName(), consent.scopes(),
        of(consent.grantedAt()), of(consent.expiresAt()));
  }

  public void delete(String registeredClientId, String principalName) {
    jdbc.update("delete from oauth2_consent where registered_client_id = ? and principal_name = ?",
        registeredClientId, principalName);
  }
}
