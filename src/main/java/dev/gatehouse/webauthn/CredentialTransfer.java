package dev.gatehouse.webauthn;

import dev.gatehouse.storage.ExportFile;
import dev.gatehouse.storage.WebAuthnCredentialRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Security keys and passkeys in Authelia's export format ({@code authelia storage user webauthn
 * export}): {@code webauthn_credentials}, each with its {@code rpid}, {@code kid} and COSE
 * {@code public_key} in standard Base64, counter and flags. Only credentials registered for one of
 * Gatehouse's issuer hosts can be used, so an import refuses any other RP ID. Planned whole first.
 */
public final class CredentialTransfer {

  static final String KEY = "webauthn_credentials";
  private static final UUID NO_AAGUID = new UUID(0, 0);

  private CredentialTransfer() {
  }

  public static String export(List<WebAuthnCredentialRow> rows) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (WebAuthnCredentialRow row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("created_at", Date.from(row.createdAt()));
      if (row.lastUsedAt() != null) {
        entry.put("last_used_at", Date.from(row.lastUsedAt()));
      }
      entry.put("rpid", row.rpId());
      entry.put("username", row.username());
      entry.put("description", row.description());
      entry.put("kid", kid(row));
      if (!NO_AAGUID.equals(row.aaguid())) {
        entry.put("aaguid", row.aaguid().toString());
      }
      entry.put("attestation_type", row.attestationFormat());
      entry.put("attestation_format", row.attestationFormat());
      entry.put("attachment", row.attachment() == null ? "" : row.attachment());
      entry.put("transports", List.of());
      entry.put("sign_count", row.signCount());
      entry.put("clone_warning", row.cloneWarning());
      entry.put("legacy", false);
      entry.put("discoverable", row.discoverable());
      entry.put("present", true);
      entry.put("verified", false);
      entry.put("backup_eligible", row.backupEligible());
      entry.put("backup_state", row.backupState());
      entry.put("public_key", Base64.getEncoder().encodeToString(row.publicKey()));
      entry.put("attestation", "");
      entries.add(entry);
    }
    return ExportFile.write("export.webauthn", KEY, entries);
  }

  /** The {@code kid} Authelia shows for a credential: its id in standard Base64. */
  public static String kid(WebAuthnCredentialRow row) {
    return Base64.getEncoder().encodeToString(Base64Url.decode(row.credentialId()));
  }

  /** The stored credential id of a {@code kid} as Authelia shows it; IllegalArgumentException if not Base64. */
  public static String credentialIdOf(String kid) {
    return Base64Url.encode(Base64.getDecoder().decode(kid));
  }

  /**
   * The credentials of {@code text} to store for users of {@code knownUsers}, on one of
   * {@code rpIds} (any, when empty), none already registered ({@code existing}).
   */
  public static ImportPlan plan(String text, Predicate<String> knownUsers, Set<String> rpIds,
      List<WebAuthnCredentialRow> existing, Instant now) {
    List<Map<String, Object>> entries = ExportFile.read(text, KEY, "WebAuthn credentials");
    Set<String> taken = new HashSet<>();
    existing.forEach(row -> taken.add(row.rpId() + "\n" + row.credentialId()));
    Map<String, Integer> entryOfKey = new HashMap<>();
    ImportPlan plan = new ImportPlan(new ArrayList<>(), new ArrayList<>());
    for (int index = 0; index < entries.size(); index++) {
      String where = "webauthn_credentials entry " + (index + 1);
      List<String> problems = new ArrayList<>();
      WebAuthnCredentialRow row = read(entries.get(index), where, problems, now);
      if (row != null) {
        String key = row.rpId() + "\n" + row.credentialId();
        Integer earlier = entryOfKey.putIfAbsent(key, index + 1);
        String who = where + " (user '" + row.username() + "')";
        if (earlier != null) {
          problems.add(who + ": the same credential as entry " + earlier);
        } else if (taken.contains(key)) {
          problems.add(who + ": credential '" + row.description() + "' is registered already");
        }
        if (!knownUsers.test(row.username())) {
          problems.add(who + ": user '" + row.username() + "' is not in the users file");
        }
        if (!rpIds.isEmpty() && !rpIds.contains(row.rpId())) {
          problems.add(who + ": rpid '" + row.rpId() + "' is not the host of an issuer of this configuration ("
              + String.join(", ", rpIds) + "); the browser would never use it here");
        }
      }
      plan.problems().addAll(problems);
      if (row != null && problems.isEmpty()) {
        plan.credentials().add(row);
      }
    }
    return plan;
  }

  private static WebAuthnCredentialRow read(Map<String, Object> entry, String where, List<String> problems,
      Instant now) {
    int before = problems.size();
    String username = text(entry, "username");
    String rpId = text(entry, "rpid");
    String description = text(entry, "description");
    if (username.isEmpty()) {
      problems.add(where + ": username is missing");
    }
    if (rpId.isEmpty()) {
      problems.add(where + ": rpid is missing");
    }
    if (!WebAuthnCredentialRow.isValidDescription(description)) {
      problems.add(where + ": description must be 1 to " + WebAuthnCredentialRow.MAX_DESCRIPTION
          + " characters, none a control character");
    }
    byte[] kid = base64(entry, "kid", where, problems);
    byte[] publicKey = base64(entry, "public_key", where, problems);
    UUID aaguid = NO_AAGUID;
    try {
      aaguid = entry.get("aaguid") == null ? NO_AAGUID : UUID.fromString(text(entry, "aaguid"));
    } catch (IllegalArgumentException notUuid) {
      problems.add(where + ": aaguid '" + entry.get("aaguid") + "' is not a UUID");
    }
    long signCount = entry.get("sign_count") instanceof Number number ? number.longValue() : -1;
    if (signCount < 0) {
      problems.add(where + ": sign_count must be a whole number, not '" + entry.get("sign_count") + "'");
    }
    Instant createdAt = time(entry.get("created_at"), "created_at", where, problems);
    Instant lastUsedAt = time(entry.get("last_used_at"), "last_used_at", where, problems);
    if (problems.size() > before) {
      return null;
    }
    String format = text(entry, "attestation_format").isEmpty() ? text(entry, "attestation_type")
        : text(entry, "attestation_format");
    String attachment = text(entry, "attachment");
    return new WebAuthnCredentialRow(UUID.randomUUID().toString(), username, rpId, Base64Url.encode(kid), description,
        publicKey, signCount, flag(entry, "clone_warning"), aaguid, format.isEmpty() ? "none" : format,
        attachment.isEmpty() ? null : attachment, flag(entry, "discoverable"), flag(entry, "backup_eligible"),
        flag(entry, "backup_state"), createdAt == null ? now : createdAt, lastUsedAt);
  }

  private static byte[] base64(Map<String, Object> entry, String field, String where, List<String> problems) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text(entry, field));
      if (bytes.length > 0) {
        return bytes;
      }
    } catch (IllegalArgumentException notBase64) {
      // Reported below, as an empty value is.
    }
    problems.add(where + ": " + field + " must be standard Base64, as Authelia exports it");
    return null;
  }

  private static String text(Map<String, Object> entry, String field) {
    return entry.get(field) == null ? "" : String.valueOf(entry.get(field));
  }

  private static boolean flag(Map<String, Object> entry, String field) {
    return Boolean.TRUE.equals(entry.get(field));
  }

  private static Instant time(Object value, String field, String where, List<String> problems) {
    try {
      return ExportFile.time(value);
    } catch (IllegalArgumentException unreadable) {
      problems.add(where + ": " + field + " " + unreadable.getMessage());
      return null;
    }
  }

  /** The credentials an import would store, and what stops it. */
  public record ImportPlan(List<WebAuthnCredentialRow> credentials, List<String> problems) {
  }
}
