package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** oidc_signing_key: the keys Gatehouse generated, private parts encrypted. */
public class SigningKeyRepository {

  private final JdbcTemplate jdbc;

  public SigningKeyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<SigningKeyRow> findAllOldestFirst() {
    return jdbc.query("select * from oidc_signing_key order by created_at",
        (row, number) -> new SigningKeyRow(row.getString("key_id"), row.getString("algorithm"),
            row.getString("encrypted_private_key"), read(row, "created_at")));
  }

  public void insert(SigningKeyRow key) {
    jdbc.update("insert into oidc_signing_key (key_id, algorithm, encrypted_private_key, created_at)"
        + " values (?, ?, ?, ?)", key.keyId(), key.algorithm(), key.encryptedPrivateKey(), of(key.createdAt()));
  }
}
