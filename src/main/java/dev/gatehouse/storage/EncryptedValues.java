package dev.gatehouse.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every value kept encrypted with {@code storage.encryption_key} (TOTP secrets, generated signing
 * keys), for the commands that check the key against them or re-encrypt them under a new one. Each
 * is sealed for its place, {@code table:column:key}, as the code that writes it seals it.
 */
public final class EncryptedValues {

  /** A column of encrypted values, each row named by {@code keyColumn}. */
  public record Column(String table, String keyColumn, String valueColumn) {

    /** What a value of row {@code key} is sealed for: moved to another row or column, it no longer opens. */
    public String location(String key) {
      return table + ":" + valueColumn + ":" + key;
    }
  }

  public static final Column TOTP_SECRETS = new Column("totp_configuration", "username", "encrypted_secret");
  public static final Column SIGNING_KEYS = new Column("oidc_signing_key", "key_id", "encrypted_private_key");
  private static final List<Column> COLUMNS = List.of(TOTP_SECRETS, SIGNING_KEYS);

  /** How many values of a table the key opens, and how many it does not. */
  public record Check(String table, int valid, int invalid) {
  }

  private final JdbcTemplate jdbc;

  public EncryptedValues(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Check> check(StorageEncryption encryption) {
    List<Check> checks = new ArrayList<>();
    for (Column column : COLUMNS) {
      int valid = 0;
      int invalid = 0;
      for (Map.Entry<String, String> value : values(column)) {
        if (opens(encryption, column, value)) {
          valid++;
        } else {
          invalid++;
        }
      }
      checks.add(new Check(column.table(), valid, invalid));
    }
    return checks;
  }

  /**
   * Re-encrypts every value from {@code current} to {@code next}; the caller runs it in one
   * transaction. A value {@code current} does not open stops it all.
   */
  public int changeKey(StorageEncryption current, StorageEncryption next) {
    int changed = 0;
    for (Column column : COLUMNS) {
      for (Map.Entry<String, String> value : values(column)) {
        String location = column.location(value.getKey());
        byte[] plaintext = current.decrypt(value.getValue(), location);
        jdbc.update("update " + column.table() + " set " + column.valueColumn() + " = ? where " + column.keyColumn()
            + " = ?", next.encrypt(plaintext, location), value.getKey());
        changed++;
      }
    }
    return changed;
  }

  private List<Map.Entry<String, String>> values(Column column) {
    return jdbc.query("select " + column.keyColumn() + ", " + column.valueColumn() + " from " + column.table(),
        (row, number) -> Map.entry(row.getString(1), row.getString(2)));
  }

  private static boolean opens(StorageEncryption encryption, Column column, Map.Entry<String, String> value) {
    try {
      encryption.decrypt(value.getValue(), column.location(value.getKey()));
      return true;
    } catch (StorageEncryption.WrongEncryptionKeyException | IllegalArgumentException wrong) {
      return false;
    }
  }
}
