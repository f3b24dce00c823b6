package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;
import static dev.gatehouse.storage.Timestamps.read;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** oidc_signing_key: the keys Gatehouse generated, private parts encrypted. */
public class SigningKeyRepository {

  private final JdbcTemplate jdbc;
  private final StorageEngine engine;
  private final TransactionTemplate transactions;

  public SigningKeyRepository(JdbcTemplate jdbc, StorageEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
  }

  /**
   * The stored keys, oldest first; when there are none, the one {@code generated} makes is stored
   * first. Instances that start together on an empty database all get the key of the first: on
   * PostgreSQL they queue on a table lock, and the embedded database has only this process, in
   * which the method is synchronized.
   */
  public synchronized List<SigningKeyRow> findOrInsertFirst(Supplier<SigningKeyRow> generated) {
    return transactions.execute(status -> {
      if (engine == StorageEngine.POSTGRESQL) {
        jdbc.execute("lock table oidc_signing_key in share row exclusive mode");
      }
      if (findAllOldestFirst().isEmpty()) {
        insert(generated.get());
      }
      return findAllOldestFirst();
    });
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
