package dev.gatehouse.identity;

import dev.gatehouse.storage.ExportFile;
import dev.gatehouse.storage.OpaqueIdentifierRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The users' subject identifiers ({@code sub}) in Authelia's export format
 * ({@code authelia storage user identifiers export}): {@code identifiers}, each with its
 * {@code service}, {@code sector_id}, {@code username} and {@code identifier}. An import is planned
 * whole before anything is written: every problem is found, and one problem stops it all.
 */
public final class IdentifierTransfer {

  /** The one service Authelia keeps identifiers for, OpenID Connect's {@code sub}. */
  public static final String SERVICE = "openid";
  static final String KEY = "identifiers";

  private IdentifierTransfer() {
  }

  public static String export(List<OpaqueIdentifierRow> rows) {
    return ExportFile.write("export.identifiers", KEY, rows.stream().map(IdentifierTransfer::entry).toList());
  }

  private static Map<String, Object> entry(OpaqueIdentifierRow row) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("service", row.service());
    entry.put("sector_id", row.sectorId());
    entry.put("username", row.username());
    entry.put("identifier", row.identifier());
    return entry;
  }

  /** Adding one identifier by hand ({@code storage user identifiers add}), under the rules of an import. */
  public static ImportPlan planAdding(OpaqueIdentifierRow row, Predicate<String> knownUsers,
      List<OpaqueIdentifierRow> existing) {
    return plan(List.of(entry(row)), knownUsers, existing);
  }

  /**
   * What importing {@code text} would do next to the {@code existing} rows, for the users of
   * {@code knownUsers}; {@link ImportPlan#problems()} lists every reason not to.
   */
  public static ImportPlan plan(String text, Predicate<String> knownUsers, List<OpaqueIdentifierRow> existing) {
    return plan(ExportFile.read(text, KEY, "User Opaque Identifiers"), knownUsers, existing);
  }

  private static ImportPlan plan(List<Map<String, Object>> entries, Predicate<String> knownUsers,
      List<OpaqueIdentifierRow> existing) {
    Map<String, OpaqueIdentifierRow> byIdentifier = new HashMap<>();
    Map<String, OpaqueIdentifierRow> bySubject = new HashMap<>();
    existing.forEach(row -> {
      byIdentifier.put(row.identifier(), row);
      bySubject.put(subjectKey(row), row);
    });
    ImportPlan plan = new ImportPlan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Map<String, Integer> entryOfIdentifier = new HashMap<>();
    Map<String, Integer> entryOfSubject = new HashMap<>();
    for (int index = 0; index < entries.size(); index++) {
      String where = "identifiers entry " + (index + 1);
      OpaqueIdentifierRow row = read(entries.get(index), where, knownUsers, plan.problems());
      if (row == null) {
        continue;
      }
      Integer earlier = entryOfIdentifier.putIfAbsent(row.identifier(), index + 1);
      earlier = earlier != null ? earlier : entryOfSubject.putIfAbsent(subjectKey(row), index + 1);
      if (earlier != null) {
        plan.problems().add(where + ": a duplicate of entry " + earlier + " (user '" + row.username()
            + "', identifier '" + row.identifier() + "')");
        continue;
      }
      OpaqueIdentifierRow sameIdentifier = byIdentifier.get(row.identifier());
      OpaqueIdentifierRow sameSubject = bySubject.get(subjectKey(row));
      if (row.equals(sameIdentifier)) {
        plan.alreadyPresent().add(row);
      } else if (sameIdentifier != null) {
        plan.problems().add(where + ": identifier '" + row.identifier() + "' is already "
            + describe(sameIdentifier));
      } else if (sameSubject != null) {
        plan.problems().add(where + ": user '" + row.username() + "' already has identifier '"
            + sameSubject.identifier() + "' for service '" + row.service() + "' and sector '" + row.sectorId() + "'");
      } else {
        plan.toAdd().add(row);
      }
    }
    return plan;
  }

  private static OpaqueIdentifierRow read(Map<String, Object> entry, String where, Predicate<String> knownUsers,
      List<String> problems) {
    int before = problems.size();
    String username = text(entry, "username");
    String service = text(entry, "service");
    String sector = entry.get("sector_id") == null ? "" : text(entry, "sector_id");
    String identifier = text(entry, "identifier");
    if (username == null || username.isEmpty()) {
      problems.add(where + ": username is missing");
    } else if (!knownUsers.test(username)) {
      problems.add(where + ": user '" + username + "' is not in the users file");
    }
    if (!SERVICE.equals(service)) {
      problems.add(where + ": the service name '" + service + "' is invalid, the valid values are: '" + SERVICE + "'");
    }
    if (identifier == null) {
      problems.add(where + ": identifier is missing");
    } else if (!isVersion4Uuid(identifier)) {
      problems.add(where + ": the identifier '" + identifier + "' is not a version 4 UUID");
    }
    return problems.size() > before ? null
        : new OpaqueIdentifierRow(UUID.fromString(identifier).toString(), service, sector, username);
  }

  /** Authelia accepts only random (version 4) UUIDs as identifiers. */
  public static boolean isVersion4Uuid(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.version() == 4 && uuid.toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException notAUuid) {
      return false;
    }
  }

  private static String text(Map<String, Object> entry, String field) {
    Object value = entry.get(field);
    return value == null ? null : String.valueOf(value);
  }

  private static String subjectKey(OpaqueIdentifierRow row) {
    return row.service() + "\n" + row.sectorId() + "\n" + row.username();
  }

  private static String describe(OpaqueIdentifierRow row) {
    return "user '" + row.username() + "''s for service '" + row.service() + "' and sector '" + row.sectorId() + "'";
  }

  /** What an import would add, what is there already, and what stops it. */
  public record ImportPlan(List<OpaqueIdentifierRow> toAdd, List<OpaqueIdentifierRow> alreadyPresent,
      List<String> problems) {
  }
}
