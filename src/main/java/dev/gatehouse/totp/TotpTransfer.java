package dev.gatehouse.totp;

import dev.gatehouse.storage.ExportFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * TOTP devices in Authelia's export formats ({@code authelia storage user totp export}): YAML with
 * {@code totp_configurations}, whose {@code secret} is the standard Base64 of the Base32 text an
 * authenticator app was given (Authelia keeps that text); CSV with the Base32 text; and one
 * {@code otpauth://} URI per device. An import is planned whole before anything is written.
 */
public final class TotpTransfer {

  static final String KEY = "totp_configurations";

  private TotpTransfer() {
  }

  public static String exportYaml(List<TotpDevice> devices) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (TotpDevice device : devices) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("created_at", Date.from(device.createdAt()));
      entry.put("last_used_at", device.lastUsedAt() == null ? null : Date.from(device.lastUsedAt()));
      entry.put("username", device.username());
      entry.put("issuer", device.issuer());
      entry.put("algorithm", device.parameters().algorithm().name());
      entry.put("digits", device.parameters().digits());
      entry.put("period", device.parameters().period());
      entry.put("secret", Base64.getEncoder().encodeToString(
          TotpSecrets.encode(device.secret()).getBytes(StandardCharsets.US_ASCII)));
      entries.add(entry);
    }
    return ExportFile.write("export.totp", KEY, entries);
  }

  public static String exportCsv(List<TotpDevice> devices) {
    StringBuilder csv = new StringBuilder("issuer,username,algorithm,digits,period,secret\n");
    devices.forEach(device -> csv.append(String.join(",", device.issuer(), device.username(),
        device.parameters().algorithm().name(), String.valueOf(device.parameters().digits()),
        String.valueOf(device.parameters().period()), TotpSecrets.encode(device.secret()))).append('\n'));
    return csv.toString();
  }

  public static String uri(TotpDevice device) {
    return OtpAuthUri.build(device.issuer(), device.username(), device.secret(), device.parameters());
  }

  /**
   * The devices of {@code text} to store, for users of {@code knownUsers} who hold none yet
   * ({@code usersWithDevices}); {@link ImportPlan#problems()} lists every reason not to.
   */
  public static ImportPlan plan(String text, Predicate<String> knownUsers, Set<String> usersWithDevices,
      Instant now) {
    List<Map<String, Object>> entries = ExportFile.read(text, KEY, "TOTP configuration");
    ImportPlan plan = new ImportPlan(new ArrayList<>(), new ArrayList<>());
    Map<String, Integer> entryOfUser = new HashMap<>();
    for (int index = 0; index < entries.size(); index++) {
      String where = "totp_configurations entry " + (index + 1);
      List<String> problems = new ArrayList<>();
      TotpDevice device = read(entries.get(index), where, problems, now);
      if (device != null) {
        Integer earlier = entryOfUser.putIfAbsent(device.username(), index + 1);
        if (earlier != null) {
          problems.add(where + ": a second device for user '" + device.username() + "' (entry " + earlier + ")");
        } else if (!knownUsers.test(device.username())) {
          problems.add(where + ": user '" + device.username() + "' is not in the users file");
        } else if (usersWithDevices.contains(device.username())) {
          problems.add(where + ": user '" + device.username() + "' already has a TOTP configuration; delete it"
              + " first ('gatehouse storage user totp delete " + device.username() + "')");
        }
      }
      plan.problems().addAll(problems);
      if (device != null && problems.isEmpty()) {
        plan.devices().add(device);
      }
    }
    return plan;
  }

  /** One entry; a missing {@code created_at} is the import's time. */
  private static TotpDevice read(Map<String, Object> entry, String where, List<String> problems, Instant now) {
    String username = entry.get("username") == null ? "" : String.valueOf(entry.get("username"));
    String who = where + (username.isEmpty() ? "" : " (user '" + username + "')");
    if (username.isEmpty()) {
      problems.add(where + ": username is missing");
    }
    TotpParameters parameters = parameters(entry, who, problems);
    byte[] secret = secret(entry.get("secret"), who, problems);
    Instant createdAt = time(entry.get("created_at"), "created_at", who, problems);
    Instant lastUsedAt = entry.get("last_used_at") == null ? null
        : time(entry.get("last_used_at"), "last_used_at", who, problems);
    String issuer = entry.get("issuer") == null ? "" : String.valueOf(entry.get("issuer"));
    if (issuer.isEmpty()) {
      problems.add(who + ": issuer is missing");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new TotpDevice(username, issuer, parameters, secret, createdAt == null ? now : createdAt, lastUsedAt);
  }

  /** Algorithm, digits and period, each wrong one with its own line. */
  private static TotpParameters parameters(Map<String, Object> entry, String who, List<String> problems) {
    int before = problems.size();
    TotpAlgorithm algorithm = null;
    try {
      algorithm = TotpAlgorithm.parse(String.valueOf(entry.get("algorithm")));
    } catch (IllegalArgumentException wrong) {
      problems.add(who + ": " + wrong.getMessage());
    }
    Object digits = entry.get("digits");
    if (!(digits instanceof Integer count) || count != 6 && count != 8) {
      problems.add(who + ": digits must be 6 or 8, not '" + digits + "'");
    }
    Object period = entry.get("period");
    if (!(period instanceof Integer seconds) || seconds < 1) {
      problems.add(who + ": period must be a positive whole number of seconds, not '" + period + "'");
    }
    return problems.size() > before ? null : new TotpParameters(algorithm, (Integer) digits, (Integer) period);
  }

  /** Authelia's secret: Base64 of the Base32 text; at least {@link TotpSecrets#MINIMUM_SIZE_BYTES} once decoded. */
  private static byte[] secret(Object value, String who, List<String> problems) {
    try {
      String base32 = new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.US_ASCII);
      byte[] secret = TotpSecrets.decode(base32);
      if (secret.length < TotpSecrets.MINIMUM_SIZE_BYTES) {
        problems.add(who + ": the secret is " + secret.length + " bytes; at least "
            + TotpSecrets.MINIMUM_SIZE_BYTES + " are needed");
        return null;
      }
      return secret;
    } catch (IllegalArgumentException notBase64OfBase32) {
      problems.add(who + ": the secret is not the Base64 of a Base32 TOTP secret, as Authelia exports it");
      return null;
    }
  }

  private static Instant time(Object value, String field, String who, List<String> problems) {
    try {
      return ExportFile.time(value);
    } catch (IllegalArgumentException unreadable) {
      problems.add(who + ": " + field + " " + unreadable.getMessage());
      return null;
    }
  }

  /** The devices an import would store, and what stops it. */
  public record ImportPlan(List<TotpDevice> devices, List<String> problems) {
  }
}
