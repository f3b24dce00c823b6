package dev.gatehouse.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

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
    long gatehouseApiPeak = peak(report, Report.Row::gatehouse, false);
    long gatehousePeak = peak(report, Report.Row::gatehouse, true);
    long peerPeak = peak(report, Report.Row::peer, true);
    out.printf(Locale.ROOT, "RSS: Gatehouse %d MiB idle, peak %d MiB under the endpoint scenarios, %d MiB with logins;"
        + " oidc-provider %d MiB idle, %d MiB peak%n", gatehouseIdleKiB / 1024, gatehouseApiPeak / 1024,
        gatehousePeak / 1024, peerIdleKiB / 1024, peerPeak / 1024);
    out.printf(Locale.ROOT, "uncached verification of the seed digest (PasswordDigests.parse(seed).matches, %d threads):"
        + " %.2f/s, p50 %.0f ms, p99 %.0f ms%n", Runtime.getRuntime().availableProcessors(), uncached.perSecond(),
        uncached.p50Millis(), uncached.p99Millis());
    out.printf(Locale.ROOT, "first token request after start (full secret check, cold): Gatehouse %.0f ms,"
        + " oidc-provider %.0f ms%n", gatehouseFirstToken.toNanos() / 1e6, peerFirstToken.toNanos() / 1e6);
    out.println();
    out.println("targets:");
    Result token = row(report, "token").gatehouse();
    target(out, "token >= 1.5 x oidc-provider", token.perSecond(), 1.5 * row(report, "token").peer().perSecond());
    target(out, "token > 100 x uncached verification", token.perSecond(), 100 * uncached.perSecond());
    target(out, "userinfo >= oidc-provider", row(report, "userinfo").gatehouse().perSecond(),
        row(report, "userinfo").peer().perSecond());
    target(out, "introspection >= oidc-provider", row(report, "introspection").gatehouse().perSecond(),
        row(report, "introspection").peer().perSecond());
    target(out, "discovery >= nginx / 2", row(report, "discovery").gatehouse().perSecond(),
        row(report, "discovery").nginx().perSecond() / 2);
    target(out, "JWKS >= nginx / 2", row(report, "JWKS").gatehouse().perSecond(),
        row(report, "JWKS").nginx().perSecond() / 2);
    limit(out, "RSS under endpoint load <= 300 MiB", gatehouseApiPeak / 1024.0, 300);
    limit(out, "RSS under load with logins <= 300 MiB", gatehousePeak / 1024.0, 300);
    limit(out, "start-up (existing storage) < 4 s", seconds(gatehouseRestart), 4);
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

  private static Report.Row row(Report report, String prefix) {
    return report.rows().stream().filter(row -> row.scenario().startsWith(prefix)).findFirst().orElseThrow();
  }

  private static long peak(Report report, Function<Report.Row, Result> server, boolean withLogins) {
    return report.rows().stream().filter(row -> withLogins || !row.scenario().startsWith(Report.LOGIN))
        .map(server).filter(Objects::nonNull).mapToLong(Result::peakRssKiB).max().orElse(0);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
