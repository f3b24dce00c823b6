package dev.gatehouse.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The printed table: each scenario on Gatehouse, oidc-provider and (for static documents) nginx, with ratios. */
final class Report {

  /** One scenario's results; a null result means the server has no such scenario. */
  record Row(String scenario, int concurrency, Result gatehouse, Result peer, Result nginx) {
  }

  /** How the rows of whole logins begin. */
  static final String LOGIN = "login:";

  private final String peerName;
  private final List<Row> rows = new ArrayList<>();

  Report(String peerName) {
    this.peerName = peerName;
  }

  void add(Row row) {
    rows.add(row);
  }

  List<Row> rows() {
    return rows;
  }

  void print(PrintStream out) {
    String group = "| %-42s ";
    out.printf(Locale.ROOT, "%-38s %4s " + group + group + "| %-22s | %7s %8s%n", "", "", "Gatehouse",
        peerName, "nginx static file", "GH/peer", "GH/nginx");
    String columns = "|   req/s    p50    p99  err   RSS  CPUms ";
    out.printf(Locale.ROOT, "%-38s %4s %s%s| %22s | %7s %8s%n", "scenario", "conc", columns, columns,
        "  req/s    p50    p99 ", "req/s", "req/s");
    for (Row row : rows) {
      out.printf(Locale.ROOT, "%-38s %4d %s%s| %s | %7s %8s%n", row.scenario(), row.concurrency(),
          cells(row.gatehouse(), true), cells(row.peer(), true), cells(row.nginx(), false).stripTrailing(),
          ratio(row.gatehouse(), row.peer()), ratio(row.gatehouse(), row.nginx()));
    }
    out.println("p50/p99: ms per operation; RSS: the server's peak resident MiB during the scenario; CPUms: the"
        + " server's CPU ms per operation;");
    out.println("*: the prepared codes or TOTP steps ran out before the time was up, the rate is over the time run");
    rows.stream().flatMap(row -> java.util.stream.Stream.of(row.gatehouse(), row.peer(), row.nginx()))
        .filter(result -> result != null && result.firstError() != null).map(Result::firstError).distinct()
        .forEach(error -> out.println("first error: " + error));
  }

  private static String cells(Result result, boolean withMemory) {
    if (result == null) {
      return withMemory ? String.format(Locale.ROOT, "| %-41s ", "n/a") : String.format("%-22s", "");
    }
    String rate = String.format(Locale.ROOT, "%7.1f%s", result.perSecond(), result.exhausted() ? "*" : " ");
    String latency = String.format(Locale.ROOT, "%6.2f %6.2f", result.p50Millis(), result.p99Millis());
    if (!withMemory) {
      return String.format(Locale.ROOT, "%s %s", rate, latency);
    }
    return String.format(Locale.ROOT, "| %s %s %4d %5d %6.2f ", rate, latency, result.errors(),
        result.peakRssKiB() / 1024, result.serverCpuMillisPerOperation());
  }

  private static String ratio(Result a, Result b) {
    if (a == null || b == null || b.perSecond() == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "%.2f", a.perSecond() / b.perSecond());
  }
}
