package dev.gatehouse.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmark: Gatehouse, panva's oidc-provider and nginx side by side, each scenario run on one
 * right after the other so that both see the same machine. Started by bench/run, which builds what
 * is needed and passes the command that starts Gatehouse after {@code --}.
 */
public final class Bench {

  private static final PrintStream out = System.out;
  /** Codes minted per exchange the first second suggests. */
  private static final double STOCK_MARGIN = 2.5;

  private final Options options;
  private final Report report;
  private final Summary summary = new Summary();

  private Bench(Options options, String peerName) {
    this.options = options;
    this.report = new Report(peerName);
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    String peerName = "oidc-provider " + PeerSetup.version(options.peerDirectory());
    new Bench(options, peerName).run();
  }

  private void run() throws Exception {
    out.println("Gatehouse benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores; load average before: " + loadAverage());
    out.println("Gatehouse command: " + String.join(" ", options.gatehouseCommand()));
    Path runDirectory = options.runDirectory();
    List<Account> accounts = BenchUsers.accounts(options.users());
    GatehouseSetup gatehouseSetup = new GatehouseSetup(runDirectory.resolve("gatehouse"), options.configuration(),
        accounts, options.gatehouseCommand(), freePort(), Map.of());
    try (ServerProcess fresh = gatehouseSetup.start("first-start.log")) {
      summary.gatehouseFirstStart(fresh.startup(), fresh.cpuSeconds());
    }
    if (!options.baselineCommand().isEmpty()) {
      try (ServerProcess plain = gatehouseSetup.withCommand(options.baselineCommand()).start("baseline-start.log")) {
        summary.gatehouseBaselineStart(plain.startup(), plain.cpuSeconds());
      }
    }
    PeerSetup peerSetup = new PeerSetup(runDirectory.resolve("oidc-provider"), options.peerDirectory(), accounts,
        freePort());
    try (ServerProcess gatehouse = gatehouseSetup.start("gatehouse.log");
        ServerProcess peer = peerSetup.start()) {
      summary.gatehouseRestart(gatehouse.startup(), gatehouse.cpuSeconds());
      summary.cryptography(gatehouseSetup.cryptography("gatehouse.log"));
      summary.peerStart(peer.startup());
      Thread.sleep(Duration.ofSeconds(3).toMillis());
      summary.idle(gatehouse.rssKiB(), peer.rssKiB());
      Provider gatehouseProvider = Provider.discover("Gatehouse", gatehouseSetup.issuer(), GatehouseSetup.SEED_CLIENT,
          accounts);
      Provider peerProvider = Provider.discover("oidc-provider", peerSetup.issuer(), GatehouseSetup.SEED_CLIENT, accounts);
      NginxStatic nginxSetup = new NginxStatic(runDirectory.resolve("nginx"),
          body(gatehouseProvider.endpoints().discovery()), body(gatehouseProvider.endpoints().jwks()), freePort());
      try (ServerProcess nginx = nginxSetup.start()) {
        Servers servers = new Servers(gatehouse, peer, nginx);
        if (options.runs("static")) {
          staticDocuments(servers, gatehouseProvider, peerProvider, nginxSetup);
        }
        Signed gatehouseSessions = enrolAll(gatehouseSetup, gatehouseProvider, accounts);
        Signed peerSessions = signIn(peerProvider, accounts.subList(0, options.mintingBrowsers()));
        if (options.runs("tokens")) {
          tokens(servers, gatehouseSessions.provider(), gatehouseSessions, peerProvider, peerSessions);
        }
        if (options.runs("logins")) {
          logins(servers, gatehouseSessions.provider(), peerProvider);
        }
        gatehouseSessions.close();
        peerSessions.close();
      }
    }
    if (options.runs("tokens")) {
      tokensOnTheJdkProvider(runDirectory, accounts.subList(0, options.mintingBrowsers()));
    }
    summary.uncached(uncachedVerification());
    out.println();
    out.println("load average after: " + loadAverage());
    out.println();
    report.print(out);
    out.println();
    summary.print(out, report);
  }

  private record Servers(ServerProcess gatehouse, ServerProcess peer, ServerProcess nginx) {
  }

  /** Browsers signed in at a provider (both factors where it has two), ready to mint codes. */
  private record Signed(Provider provider, List<Browser> browsers, List<Account> owners) implements AutoCloseable {
    @Override
    public void close() {
      browsers.forEach(Browser::close);
    }
  }

  private void staticDocuments(Servers servers, Provider gatehouse, Provider peer, NginxStatic nginx)
      throws InterruptedException {
    Scenarios scenarios = scenarios();
    progress("discovery");
    report.add(new Report.Row("discovery document", options.concurrency(),
        scenarios.fetch(gatehouse.endpoints().discovery(), servers.gatehouse()),
        scenarios.fetch(peer.endpoints().discovery(), servers.peer()),
        scenarios.fetch(nginx.uri(NginxStatic.DISCOVERY), servers.nginx())));
    progress("JWKS");
    report.add(new Report.Row("JWKS", options.concurrency(),
        scenarios.fetch(gatehouse.endpoints().jwks(), servers.gatehouse()),
        scenarios.fetch(peer.endpoints().jwks(), servers.peer()),
        scenarios.fetch(nginx.uri(NginxStatic.JWKS), servers.nginx())));
  }

  private Signed enrolAll(GatehouseSetup setup, Provider provider, List<Account> accounts) throws IOException {
    progress("enrolling a TOTP device for " + accounts.size() + " Gatehouse users");
    long started = System.nanoTime();
    List<GatehouseSetup.Enrolment> enrolments = new ArrayList<>();
    List<Browser> browsers = new ArrayList<>();
    for (Account account : accounts) {
      Browser browser = new Browser(provider.issuer());
      enrolments.add(setup.enrol(browser, provider, account));
      if (browsers.size() < options.mintingBrowsers()) {
        browsers.add(browser);
      } else {
        browser.close();
      }
    }
    List<Account> enrolled = enrolments.stream().map(GatehouseSetup.Enrolment::account).toList();
    TotpCodes codes = new TotpCodes(enrolled);
    enrolments.forEach(enrolment -> codes.spent(enrolment.account(), enrolment.spentStep()));
    progress(String.format(Locale.ROOT, "enrolled in %.1f s", (System.nanoTime() - started) / 1e9));
    Provider withDevices = provider.withDevices(enrolled, codes);
    return new Signed(withDevices, browsers, enrolled.subList(0, browsers.size()));
  }

  private Signed signIn(Provider provider, List<Account> accounts) throws IOException {
    List<Browser> browsers = new ArrayList<>();
    for (Account account : accounts) {
      Browser browser = new Browser(provider.issuer());
      SignIn.code(browser, provider, account, SignIn.NO_SECOND_FACTOR);
      browsers.add(browser);
    }
    return new Signed(provider, browsers, accounts);
  }

  private void tokens(Servers servers, Provider gatehouse, Signed gatehouseSessions, Provider peer,
      Signed peerSessions) throws Exception {
    Scenarios scenarios = scenarios();
    summary.firstToken(firstToken(gatehouseSessions), firstToken(peerSessions));
    int keep = 2 * options.concurrency();
    Queue<Grant> gatehouseGrants = new ConcurrentLinkedQueue<>();
    Queue<Grant> peerGrants = new ConcurrentLinkedQueue<>();
    progress("token exchange");
    Result gatehouseToken = token(scenarios, gatehouseSessions, servers.gatehouse(), gatehouseGrants, keep);
    Result peerToken = token(scenarios, peerSessions, servers.peer(), peerGrants, keep);
    report.add(new Report.Row("token (code exchange, PBKDF2 client)", options.concurrency(), gatehouseToken,
        peerToken, null));
    progress("token exchange, JWT access tokens");
    Signed jwtSessions = new Signed(gatehouse.withPasswordOnlyClient(GatehouseSetup.JWT_CLIENT),
        gatehouseSessions.browsers(), gatehouseSessions.owners());
    report.add(new Report.Row("token (code exchange, JWT access token)", options.concurrency(),
        token(scenarios, jwtSessions, servers.gatehouse(), new ConcurrentLinkedQueue<>(), 0), null, null));
    List<Grant> gatehouseHeld = List.copyOf(gatehouseGrants);
    List<Grant> peerHeld = List.copyOf(peerGrants);
    int half = options.concurrency();
    progress("userinfo");
    report.add(new Report.Row("userinfo", options.concurrency(),
        scenarios.userinfo(gatehouse, servers.gatehouse(), gatehouseHeld.subList(0, half)),
        scenarios.userinfo(peer, servers.peer(), peerHeld.subList(0, half)), null));
    progress("introspection");
    report.add(new Report.Row("introspection", options.concurrency(),
        scenarios.introspection(gatehouse, servers.gatehouse(), gatehouseHeld.subList(0, half)),
        scenarios.introspection(peer, servers.peer(), peerHeld.subList(0, half)), null));
    progress("refresh");
    report.add(new Report.Row("refresh grant (both rotate)", options.concurrency(),
        scenarios.refresh(gatehouse, servers.gatehouse(), gatehouseHeld.subList(half, keep)),
        scenarios.refresh(peer, servers.peer(), peerHeld.subList(half, keep)), null));
  }

  /**
   * The code exchange and the refresh grant again on a Gatehouse that keeps the JDK's providers, started
   * once the others have stopped, so that the table shows what the native provider changes.
   */
  private void tokensOnTheJdkProvider(Path runDirectory, List<Account> accounts) throws Exception {
    GatehouseSetup setup = new GatehouseSetup(runDirectory.resolve("gatehouse-jdk-provider"), options.configuration(),
        accounts, options.gatehouseCommand(), freePort(), GatehouseSetup.JDK_PROVIDER);
    try (ServerProcess gatehouse = setup.start("gatehouse.log")) {
      summary.comparedCryptography(setup.cryptography("gatehouse.log"));
      Provider provider = Provider.discover("Gatehouse", setup.issuer(), GatehouseSetup.SEED_CLIENT, accounts);
      try (Signed sessions = enrolAll(setup, provider, accounts)) {
        // As in the main rows, the client secret's digest is paid once before the timed part.
        firstToken(sessions);
        Queue<Grant> grants = new ConcurrentLinkedQueue<>();
        progress("token exchange, JDK provider");
        report.add(new Report.Row("token (code exchange), JDK provider", options.concurrency(),
            token(scenarios(), sessions, gatehouse, grants, options.concurrency()), null, null));
        progress("refresh, JDK provider");
        report.add(new Report.Row("refresh grant, JDK provider", options.concurrency(),
            scenarios().refresh(sessions.provider(), gatehouse, List.copyOf(grants)), null, null));
      }
    }
  }

  private void logins(Servers servers, Provider gatehouse, Provider peer) throws InterruptedException {
    Scenarios scenarios = scenarios();
    Provider passwordOnly = gatehouse.withPasswordOnlyClient(GatehouseSetup.PASSWORD_ONLY_CLIENT);
    for (int users : new int[] {1, options.concurrency()}) {
      progress("login, password + consent, " + users + " users");
      report.add(new Report.Row(Report.LOGIN + " password+consent+token+userinfo", users,
          scenarios.login(passwordOnly, servers.gatehouse(), users), scenarios.login(peer, servers.peer(), users), null));
    }
    for (int users : new int[] {1, options.concurrency()}) {
      progress("login, password + TOTP + consent, " + users + " users");
      report.add(new Report.Row(Report.LOGIN + " password+TOTP+consent+token+ui", users,
          scenarios.login(gatehouse, servers.gatehouse(), users), null, null));
    }
  }

  /**
   * Codes last a minute and each request spends one, so the stock is sized from a first second of
   * exchanges (which also warms the token path up): enough for the warm-up and timed part at that
   * rate, with a margin for the warmer path going faster.
   */
  private Result token(Scenarios scenarios, Signed sessions, ServerProcess server, Queue<Grant> issued, int keep)
      throws InterruptedException {
    Queue<String> probeCodes = mint(sessions, options.probeCodes());
    Result probe = new Scenarios(new Load(Duration.ZERO, Duration.ofSeconds(1)), options.concurrency())
        .token(sessions.provider(), server, probeCodes, issued, keep);
    long wanted = Math.round(probe.perSecond() * (options.warmupSeconds() + options.seconds()) * STOCK_MARGIN) + 100;
    int stock = (int) Math.min(wanted, options.maxCodes());
    progress(String.format(Locale.ROOT, "%s: %.0f exchanges/s in a first second, minting %d codes",
        sessions.provider().name(), probe.perSecond(), stock));
    return scenarios.token(sessions.provider(), server, mint(sessions, stock), issued, keep);
  }

  /** The first token request after start: the client secret verified in full, on a cold JVM for Gatehouse. */
  private Duration firstToken(Signed sessions) throws Exception {
    String code = mint(sessions, 1).remove();
    try (RelyingParty client = new RelyingParty(sessions.provider())) {
      long started = System.nanoTime();
      client.redeem(code);
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  private Queue<String> mint(Signed sessions, int count) throws InterruptedException {
    return CodeMint.mint(sessions.provider(), sessions.browsers(), sessions.owners(), count);
  }

  private Result uncachedVerification() throws IOException, InterruptedException {
    progress("uncached verification of the seed digest");
    String java = options.gatehouseCommand().get(0);
    Process process = new ProcessBuilder(java, "-cp", options.benchClasspath(),
        UncachedVerification.class.getName(), Options.SEED_DIGEST, GatehouseSetup.SEED_CLIENT.secret(),
        String.valueOf(options.seconds()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String[] fields = new String(process.getInputStream().readAllBytes()).trim().split(" ");
    if (process.waitFor() != 0) {
      throw new IllegalStateException("the uncached verification failed");
    }
    return new Result(Long.parseLong(fields[0]), 0, Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
        Double.parseDouble(fields[3]), 0, Double.NaN, null, false);
  }

  private Scenarios scenarios() {
    return new Scenarios(new Load(options.warmup(), options.timed()), options.concurrency());
  }

  private static byte[] body(java.net.URI uri) throws IOException {
    try (HttpConnection connection = new HttpConnection(uri)) {
      return connection.get(uri).expect(200).body();
    }
  }

  private static void progress(String step) {
    System.err.println("bench: " + step);
  }

  static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Command-line options; see bench/run. */
  record Options(Path runDirectory, Path configuration, Path peerDirectory, String benchClasspath, int seconds,
      int warmupSeconds, int concurrency, int users, int probeCodes, int maxCodes, int mintingBrowsers,
      List<String> baselineCommand, Set<String> scenarioGroups, List<String> gatehouseCommand) {

    /** The seed client's digest, as in config/configuration.yml and bench/gatehouse/configuration.yml. */
    static final String SEED_DIGEST = "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1"
        + "wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";

    static Options parse(String[] args) {
      Map<String, String> values = new java.util.HashMap<>(Map.of("--seconds", "5", "--warmup", "5",
          "--concurrency", "8", "--users", "96", "--probe-codes", "400", "--max-codes", "20000",
          "--minting-browsers", "4", "--baseline-command", "", "--only", "static,tokens,logins"));
      int i = 0;
      while (i < args.length && !args[i].equals("--")) {
        values.put(args[i], args[i + 1]);
        i += 2;
      }
      List<String> command = List.of(args).subList(Math.min(i + 1, args.length), args.length);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("usage: Bench --run-dir D --config F --peer-dir D --classpath CP"
            + " [--seconds N] [--warmup N] [--concurrency N] [--users N] [--only static,tokens,logins]"
            + " [--baseline-command 'java ... -jar X']"
            + " -- <command starting Gatehouse>");
      }
      return new Options(Path.of(values.get("--run-dir")).toAbsolutePath(),
          Path.of(values.get("--config")).toAbsolutePath(), Path.of(values.get("--peer-dir")).toAbsolutePath(),
          values.get("--classpath"), Integer.parseInt(values.get("--seconds")),
          Integer.parseInt(values.get("--warmup")), Integer.parseInt(values.get("--concurrency")),
          Integer.parseInt(values.get("--users")), Integer.parseInt(values.get("--probe-codes")),
          Integer.parseInt(values.get("--max-codes")),
          Integer.parseInt(values.get("--minting-browsers")),
          values.get("--baseline-command").isBlank() ? List.of() : List.of(values.get("--baseline-command").split(" ")),
          Set.of(values.get("--only").split(",")), command);
    }

    /** Whether the scenarios of {@code group} (static, tokens or logins) are to run. */
    boolean runs(String group) {
      return scenarioGroups.contains(group);
    }

    Duration warmup() {
      return Duration.ofSeconds(warmupSeconds);
    }

    Duration timed() {
      return Duration.ofSeconds(seconds);
    }
  }
}
