package dev.gatehouse.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Start-up, memory and the one-off measurements, and the targets checked against the table. */
final class Summary {

  private Duration gatehouseFirstStart;
  private double gatehouseFirstStartCpu;
  private Duration gatehouseBaselineStart;
  private double gatehouseBaselineStartCpu;
  private Duration gatehouseRestart;
  private double gatehouseRestartCpu;
  private Duration peerStart;
  private long gatehouseIdleKiB;
  private long peerIdleKiB;
  private Duration gatehouseFirstToken;
  private Duration peerFirstToken;
  private Result uncached;
  private String cryptography;
  private String comparedCryptography;

  void gatehouseFirstStart(Duration wall, double cpuSeconds) {
    gatehouseFirstStart = wall;
    gatehouseFirstStartCpu = cpuSeconds;
  }

  void gatehouseBaselineStart(Duration wall, double cpuSeconds) {
    gatehouseBaselineStart = wall;
    gatehouseBaselineStartCpu = cpuSeconds;
  }

  void gatehouseRestart(Duration wall, double cpuSeconds) {
    gatehouseRestart = wall;
    gatehouseRestartCpu = cpuSeconds;
  }

  void peerStart(Duration wall) {
    peerStart = wall;
  }

  void idle(long gatehouseKiB, long peerKiB) {
    gatehouseIdleKiB = gatehouseKiB;
    peerIdleKiB = peerKiB;
  }

  void firstToken(Duration gatehouse, Duration peer) {
    gatehouseFirstToken = gatehouse;
    peerFirstToken = peer;
  }

  /** What the Gatehouse of the main rows says it uses. */
  void cryptography(String description) {
    cryptography = description;
  }

  /** What the Gatehouse of the "JDK provider" rows says it uses. */
  void comparedCryptography(String description) {
    comparedCryptography = description;
  }

  void uncached(Result result) {
    uncached = result;
  }

  void print(PrintStream out, Report report) {
    out.printf(Locale.ROOT, "start-up to the first 200 on discovery: Gatehouse %.2f s on fresh storage (%.1f CPU s),"
        + " %.2f s on existing storage (%.1f CPU s); oidc-provider %.2f s%n",
        seconds(gatehouseFirstStart), gatehouseFirstStartCpu, seconds(gatehouseRestart), gatehouseRestartCpu,
        seconds(peerStart));
    if (gatehouseBaselineStart != null) {
      out.printf(Locale.ROOT, "  the same without the class data sharing archive (plain java -jar): %.2f s (%.1f CPU s)%n",
          seconds(gatehouseBaselineStart), gatehouseBaselineStartCpu);
    }
    out.println("cryptography: " + cryptography + (comparedCryptography == null ? ""
        : "; the rows marked 'JDK provider': " + comparedCryptography));
    long gatehouseApiPeak = peak(report, Report.Row::gatehouse, false);
    long gatehousePeak = peak(report, Report.Row::gatehouse, true);
    long peerPeak = peak(report, Report.Row::peer, true);
    out.printf(Locale.ROOT, "RSS: Gatehouse %d MiB idle, peak %d MiB under the endpoint scenarios, %d MiB with logins;"
        + " oidc-provider %d MiB idle, %d MiB peak%n", gatehouseIdleKiB / 1024, gatehouseApiPeak / 1024,
        gatehousePeak / 1024, peerIdleKiB / 1024, peerPeak / 1024);
    out.printf(Locale.ROOT, "uncached verification of the seed digest (PasswordDigests.parse(seed).matches, %d threads):"
        + " %.2f/s, p50 %.0f ms, p99 %.0f ms%n", Runtime.getRuntime().availableProcessors(), uncached.perSecond(),
        uncached.p50Millis(), uncached.p99Millis());
    if (gatehouseFirstToken != null && peerFirstToken != null) {
      // Measured by the token scenarios only, so absent when --only leaves them out.
      out.printf(Locale.ROOT, "first token request after start (full secret check, cold): Gatehouse %.0f ms,"
          + " oidc-provider %.0f ms%n", gatehouseFirstToken.toNanos() / 1e6, peerFirstToken.toNanos() / 1e6);
    }
    out.println();
    out.println("targets:");
    target(out, report, "token (code exchange, PBKDF2", "token >= oidc-provider", row -> row.peer().perSecond());
    target(out, report, "token (code exchange, PBKDF2", "token > 100 x uncached verification",
        row -> 100 * uncached.perSecond());
    cpuLimit(out, report, "token (code exchange, PBKDF2", "CPU ms per code exchange <= 1.2", 1.2);
    target(out, report, "refresh grant (", "refresh >= oidc-provider", row -> row.peer().perSecond());
    target(out, report, "userinfo", "userinfo >= 2 x oidc-provider", row -> 2 * row.peer().perSecond());
    target(out, report, "introspection", "introspection >= 2 x oidc-provider", row -> 2 * row.peer().perSecond());
    target(out, report, "discovery", "discovery >= 0.7 x nginx", row -> 0.7 * row.nginx().perSecond());
    target(out, report, "JWKS", "JWKS >= 0.7 x nginx", row -> 0.7 * row.nginx().perSecond());
    limit(out, "RSS under endpoint load <= 300 MiB", gatehouseApiPeak / 1024.0, 300);
    limit(out, "RSS under load with logins <= 320 MiB", gatehousePeak / 1024.0, 320);
    limit(out, "start-up (existing storage) <= 2.5 s", seconds(gatehouseRestart), 2.5);
  }

  /** Checks Gatehouse's rate in the row named {@code scenario} against {@code needed}, if the run had that row. */
  private static void target(PrintStream out, Report report, String scenario, String what,
      ToDoubleFunction<Report.Row> needed) {
    report.rows().stream().filter(row -> row.scenario().startsWith(scenario)).findFirst()
        .ifPresent(row -> target(out, what, row.gatehouse().perSecond(), needed.applyAsDouble(row)));
  }

  /** Checks Gatehouse's CPU ms per operation in the row named {@code scenario} against {@code limit}. */
  private static void cpuLimit(PrintStream out, Report report, String scenario, String what, double limit) {
    report.rows().stream().filter(row -> row.scenario().startsWith(scenario)).findFirst()
        .ifPresent(row -> limit(out, what, row.gatehouse().serverCpuMillisPerOperation(), limit));
  }

  /** Prints "met" when {@code measured} reaches {@code needed}. */
  private static void target(PrintStream out, String what, double measured, double needed) {
    verdict(out, what, measured >= needed, measured, needed);
  }

  /** Prints "met" when {@code measured} stays within {@code limit}. */
  private static void limit(PrintStream out, String what, double measured, double limit) {
    verdict(out, what, measured <= limit, measured, limit);
  }

  private static void verdict(PrintStream out, String what, boolean met, double measured, double threshold) {
    out.printf(Locale.ROOT, "  %-40s %-6s (measured %.1f, threshold %.1f)%n", what, met ? "met" : "MISSED",
        measured, threshold);
  }

  private static long peak(Report report, Function<Report.Row, Result> server, boolean withLogins) {
    return report.rows().stream().filter(row -> withLogins || !row.scenario().startsWith(Report.LOGIN))
        .map(server).filter(Objects::nonNull).mapToLong(Result::peakRssKiB).max().orElse(0);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
