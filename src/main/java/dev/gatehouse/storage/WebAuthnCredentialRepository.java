package dev.gatehouse.storage;

import static dev.gatehouse.storage.Timestamps.of;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * webauthn_credential and webauthn_answered_challenge. What must happen once is decided by the
 * database, for requests racing on one instance or several: a counter value is moved past by one
 * conditional update, and a challenge is answered by the one insert that records it.
 */
public class WebAuthnCredentialRepository {

  private static final RowMapper<WebAuthnCredentialRow> ROW = (row, number) -> new WebAuthnCredentialRow(
      row.getString("id"), row.getString("username"), row.getString("rp_id"), row.getString("credential_id"),
      row.getString("description"), row.getBytes("public_key"), row.getLong("sign_count"),
      row.getBoolean("clone_warning"), UUID.fromString(row.getString("aaguid")), row.getString("attestation_format"),
      row.getString("attachment"), row.getBoolean("discoverable"), row.getBoolean("backup_eligible"),
      row.getBoolean("backup_state"), Timestamps.read(row, "created_at"), Timestamps.read(row, "last_used_at"));

  private final JdbcTemplate jdbc;

  public WebAuthnCredentialRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a credential; false when the user already has one of that name, or it is registered already. */
  public boolean add(WebAuthnCredentialRow credential) {
    try {
      jdbc.update("insert into webauthn_credential (id, username, rp_id, credential_id, description, public_key,"
          + " sign_count, aaguid, attestation_format, attachment, discoverable, backup_eligible, backup_state,"
          + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", credential.id(), credential.username(),
          credential.rpId(), credential.credentialId(), credential.description(), credential.publicKey(),
          credential.signCount(), credential.aaguid().toString(), credential.attestationFormat(),
          credential.attachment(), credential.discoverable(), credential.backupEligible(), credential.backupState(),
          of(credential.createdAt()));
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  /** Every credential, of every user and party: for an export. */
  public List<WebAuthnCredentialRow> all() {
    return jdbc.query("select * from webauthn_credential order by username, rp_id, created_at", ROW);
  }

  /** Removes credentials of {@code username}: all of them, or the one of {@code description}; how many. */
  public int removeAll(String username, String description) {
    return description == null ? jdbc.update("delete from webauthn_credential where username = ?", username)
        : jdbc.update("delete from webauthn_credential where username = ? and description = ?", username, description);
  }

  /** Removes the credential of this id (base64url) on any party; how many. */
  public int removeById(String credentialId) {
    return jdbc.update("delete from webauthn_credential where credential_id = ?", credentialId);
  }

  public List<WebAuthnCredentialRow> forUser(String username, String rpId) {
    return jdbc.query("select * from webauthn_credential where username = ? and rp_id = ? order by created_at",
        ROW, username, rpId);
  }

  /** Renames one of the user's credentials; false when it is not theirs or they have one of that name. */
  public boolean rename(String username, String id, String description) {
    try {
      return jdbc.update("update webauthn_credential set description = ? where id = ? and username = ?", description,
          id, username) == 1;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  /** Removes one of the user's credentials; false when it is not theirs (or was removed already). */
  public boolean remove(String username, String id) {
    return jdbc.update("delete from webauthn_credential where id = ? and username = ?", id, username) == 1;
  }

  public Optional<WebAuthnCredentialRow> find(String rpId, String credentialId) {
    return jdbc.query("select * from webauthn_credential where rp_id = ? and credential_id = ?", ROW, rpId,
        credentialId).stream().findFirst();
  }

  /**
   * Records a use that reported {@code newCount} where {@code storedCount} was read; false when
   * another use moved the counter meanwhile, so that of two answers with one counter value, one passes.
   */
  public boolean recordUse(String id, long storedCount, long newCount, Instant at) {
    return jdbc.update("update webauthn_credential set sign_count = ?, last_used_at = ? where id = ?"
        + " and sign_count = ?", newCount, of(at), id, storedCount) == 1;
  }

  /**
   * The user's handle for this party, made with {@code newHandle} the first time; the same for
   * requests racing to make it, whichever insert wins.
   */
  public String userHandle(String username, String rpId, Supplier<String> newHandle) {
    Optional<String> known = findUserHandle(username, rpId);
    if (known.isPresent()) {
      return known.get();
    }
    try {
      jdbc.update("insert into webauthn_user (username, rp_id, user_handle) values (?, ?, ?)", username, rpId,
          newHandle.get());
    } catch (DuplicateKeyException madeMeanwhile) {
      // Another request made it first: theirs is the handle.
    }
    return findUserHandle(username, rpId).orElseThrow();
  }

  public Optional<String> findUserHandle(String username, String rpId) {
    return jdbc.queryForList("select user_handle from webauthn_user where username = ? and rp_id = ?", String.class,
        username, rpId).stream().findFirst();
  }

  /** Marks a credential whose counter went backwards: a copy of it exists somewhere. */
  public void markCloned(String id) {
    jdbc.update("update webauthn_credential set clone_warning = true where id = ?", id);
  }

  /** True for the one request that answers this challenge; forgets the challenges that expired. */
  public boolean answerOnce(String challengeHash, Instant expiresAt, Instant now) {
    jdbc.update("delete from webauthn_answered_challenge where expires_at < ?", of(now));
    try {
      jdbc.update("insert into webauthn_answered_challenge (challenge_hash, expires_at) values (?, ?)", challengeHash,
          of(expiresAt));
      return true;
    } catch (DuplicateKeyException answered) {
      return false;
    }
  }
}
