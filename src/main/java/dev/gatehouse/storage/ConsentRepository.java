package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** oauth2_consent: at most one remembered consent per client and user. */
public class ConsentRepository {

  private static final String COLUMNS = "registered_client_id, principal_name, scopes, granted_at, expires_at";
  /**
   * One statement that inserts or replaces, so that two consents remembered at once for one client
   * and user (two tabs) both succeed: a delete and an insert would let both delete, then collide.
   */
  private static final String POSTGRES_UPSERT = "insert into oauth2_consent (" + COLUMNS + ") values (?, ?, ?, ?, ?)"
      + " on conflict (registered_client_id, principal_name) do update set scopes = excluded.scopes,"
      + " granted_at = excluded.granted_at, expires_at = excluded.expires_at";
  private static final String H2_UPSERT = "merge into oauth2_consent (" + COLUMNS + ")"
      + " key (registered_client_id, principal_name) values (?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final String upsert;

  public ConsentRepository(JdbcTemplate jdbc, StorageEngine engine) {
    this.jdbc = jdbc;
    this.upsert = engine == StorageEngine.POSTGRESQL ? POSTGRES_UPSERT : H2_UPSERT;
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
