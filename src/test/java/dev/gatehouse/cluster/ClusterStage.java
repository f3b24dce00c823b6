package dev.gatehouse.cluster;

import dev.gatehouse.proxy.NginxProxy;
import dev.gatehouse.proxy.NodeRelyingParty;
import dev.gatehouse.proxy.Prerequisites;
import dev.gatehouse.proxy.ThrowawayCa;
import dev.gatehouse.testing.GatehouseProcess;
import dev.gatehouse.testing.TemporaryPostgres;
import dev.gatehouse.testing.TestGatehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several Gatehouse processes on one PostgreSQL, their sessions where {@code sessionYaml} puts them,
 * behind Debian's nginx with TLS taking them in turn, and LibreChat's newest login (e2e/rp-v6.mjs)
 * to walk through them in headless Chromium. The instances are configured alike, down to the address
 * users reach them at ({@code session.cookies[].authelia_url}, nginx's), and write one-time codes
 * to one notifier file, the person's mailbox. Everything started is stopped by its process id on
 * {@link #close()}.
 */
final class ClusterStage implements AutoCloseable {

  private static final String CALLBACK = "/oauth/openid/callback";
  private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(90);

  /** A Gatehouse process and the port nginx reaches it on. */
  record Instance(int port, GatehouseProcess process) {

    /** How nginx's access log names it. */
    String upstream() {
      return "127.0.0.1:" + port;
    }
  }

  private final Path directory;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final ThrowawayCa tls;
  private final NodeRelyingParty relyingParty;
  private final int librechatPort;
  private final int proxyPort;
  private final List<Instance> instances = new ArrayList<>();
  private final NginxProxy nginx;

  private ClusterStage(Path directory, int count, String sessionYaml, String usersYaml) throws Exception {
    this.directory = directory;
    Path nginxBinary = NginxProxy.binary();
    Prerequisites.executable("Debian's chromium is not installed (apt-get install chromium);"
        + " the cluster suite logs in with it", "/usr/bin/chromium");
    relyingParty = NodeRelyingParty.prepare(Path.of("e2e").toAbsolutePath());
    tls = ThrowawayCa.create(Files.createDirectories(directory.resolve("tls")));
    librechatPort = TestGatehouse.freePort();
    proxyPort = TestGatehouse.freePort();
    List<Integer> ports = new ArrayList<>();
    for (int instance = 0; instance < count; instance++) {
      ports.add(TestGatehouse.freePort());
    }
    try {
      // nginx takes its ports at once, before the slow starts below give another process time to take them.
      nginx = NginxProxy.start(nginxBinary, Files.createDirectories(directory.resolve("nginx")), tls, proxyPort,
          TestGatehouse.freePort(), ports, Files.createDirectories(directory.resolve("www").resolve("avatars")));
      running.push(nginx);
      TemporaryPostgres postgres = TemporaryPostgres.start();
      running.push(postgres);
      startInstances(ports, postgres.storageYaml(), sessionYaml, usersYaml);
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
  }

  /**
   * Starts everything in {@code directory} on {@code sessionStore} (Redis, which the stage stops
   * last with the rest), or stops what had started, the store too, and fails.
   */
  static ClusterStage start(Path directory, int instances, AutoCloseable sessionStore, String sessionYaml,
      String usersYaml) throws Exception {
    try {
      ClusterStage stage = new ClusterStage(directory, instances, sessionYaml, usersYaml);
      stage.running.addLast(sessionStore);
      return stage;
    } catch (Exception | AssertionError e) {
      sessionStore.close();
      throw e;
    }
  }

  /** The instances start side by side, as replicas of one deployment do. */
  private void startInstances(List<Integer> ports, String storageYaml, String sessionYaml, String usersYaml)
      throws IOException, InterruptedException {
    String notifier = TestGatehouse.filesystemNotifier(directory);
    String client = TestGatehouse.seedLibreChatClient(librechatUrl() + CALLBACK, List.of(librechatUrl() + "/login"));
    // A cookie domain must have a dot or be an IP address: users reach nginx at 127.0.0.1, not localhost.
    String cookies = """
        session:
          cookies:
            - domain: '127.0.0.1'
              authelia_url: '%s'
        """.formatted(issuer());
    ExecutorService starting = Executors.newFixedThreadPool(ports.size());
    try {
      List<Future<Instance>> started = new ArrayList<>();
      for (int port : ports) {
        Path home = Files.createDirectories(directory.resolve("gatehouse-" + port));
        Path configuration = TestGatehouse.writeConfiguration(home, port, client, storageYaml, notifier, usersYaml);
        Path session = Files.writeString(home.resolve("session.yml"), sessionYaml);
        Path address = Files.writeString(home.resolve("cookies.yml"), cookies);
        started.add(starting.submit(
            () -> new Instance(port, GatehouseProcess.start(port, configuration, session, address))));
      }
      ExecutionException failed = null;
      for (Future<Instance> instance : started) {
        try {
          instances.add(instance.get());
          running.push(instances.get(instances.size() - 1).process());
        } catch (ExecutionException e) {
          failed = e;
        }
      }
      if (failed != null) {
        throw new IllegalStateException("a Gatehouse instance did not start", failed.getCause());
      }
    } finally {
      starting.shutdownNow();
    }
  }

  List<Instance> instances() {
    return instances;
  }

  Instance instanceServing(String upstream) {
    return instances.stream().filter(instance -> instance.upstream().equals(upstream)).findFirst()
        .orElseThrow(() -> new AssertionError("no instance at " + upstream));
  }

  /** The requests nginx has answered so far, oldest first. */
  List<ProxiedRequest> requestsSoFar() {
    return ProxiedRequest.read(nginx.accessLog());
  }

  /** Every instance's log, for failure messages. */
  String gatehouseLogs() {
    StringBuilder logs = new StringBuilder();
    for (Instance instance : instances) {
      logs.append("--- Gatehouse at ").append(instance.upstream()).append(":\n").append(instance.process().log());
    }
    return logs.append(nginx.log()).toString();
  }

  /** Where users and LibreChat reach Gatehouse: nginx. */
  String issuer() {
    return "https://127.0.0.1:" + proxyPort;
  }

  String librechatUrl() {
    return "http://127.0.0.1:" + librechatPort;
  }

  /**
   * {@code username} logs in to the newest LibreChat (client_secret_basic, PKCE, tokens kept so that
   * logout sends id_token_hint) with their password, the TOTP device kept under their name (enrolled
   * on their first login), and logs out.
   */
  Journey logIn(String username, String password, String name) {
    return logIn(name, environment(username, password, name));
  }

  /**
   * As {@link #logIn(String, String, String)}, the person pausing right after {@code step} while
   * {@code whilePaused} runs, then resuming as {@code resume} says ({@code continue} on the page,
   * or {@code restart} from LibreChat's login button).
   */
  Journey logIn(String username, String password, String name, String step, String resume, Runnable whilePaused)
      throws Exception {
    Path pauseFile = directory.resolve(name + ".paused");
    Map<String, String> environment = environment(username, password, name);
    environment.put("E2E_PAUSE_AFTER", step);
    environment.put("E2E_PAUSE_FILE", pauseFile.toString());
    environment.put("E2E_RESUME", resume);
    ExecutorService person = Executors.newSingleThreadExecutor();
    try {
      Future<Journey> journey = person.submit(() -> logIn(name, environment));
      awaitPause(pauseFile, journey);
      whilePaused.run();
      Files.delete(pauseFile);
      return journey.get();
    } finally {
      person.shutdownNow();
    }
  }

  private static void awaitPause(Path pauseFile, Future<Journey> journey) throws Exception {
    long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
    while (!Files.exists(pauseFile)) {
      if (journey.isDone()) {
        throw new AssertionError("the login ended without pausing: " + journey.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the login did not pause within " + PAUSE_TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  private Journey logIn(String name, Map<String, String> environment) {
    int before = requestsSoFar().size();
    long started = System.nanoTime();
    NodeRelyingParty.Result result = relyingParty.run("rp-v6.mjs", environment, directory.resolve(name + ".log"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    List<ProxiedRequest> requests = requestsSoFar();
    Journey journey = new Journey(name, result, requests.subList(before, requests.size()), took);
    System.out.printf("%s%n%s%n%s%n", journey.timing(), result.stderr(), result.stdout());
    if (result.exitCode() != 0) {
      System.out.println(gatehouseLogs());
    }
    return journey;
  }

  /**
   * The Authelia guide's LibreChat variables, pointed at nginx, and the person at the keyboard:
   * who, their mailbox (the notifier's file shared by all instances) and their phone.
   */
  private Map<String, String> environment(String username, String password, String name) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOST", "127.0.0.1");
    environment.put("PORT", String.valueOf(librechatPort));
    environment.put("DOMAIN_SERVER", librechatUrl());
    environment.put("DOMAIN_CLIENT", librechatUrl());
    environment.put("ALLOW_SOCIAL_LOGIN", "true");
    environment.put("OPENID_ISSUER", issuer() + "/.well-known/openid-configuration");
    environment.put("OPENID_CLIENT_ID", "librechat");
    environment.put("OPENID_CLIENT_SECRET", "insecure_secret");
    environment.put("OPENID_SESSION_SECRET", "insecure_session_secret");
    environment.put("OPENID_CALLBACK_URL", CALLBACK);
    environment.put("OPENID_SCOPE", "openid profile email");
    environment.put("OPENID_BUTTON_LABEL", "Log in with Gatehouse");
    environment.put("OPENID_USE_END_SESSION_ENDPOINT", "true");
    environment.put("OPENID_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_basic");
    environment.put("OPENID_USE_PKCE", "true");
    environment.put("OPENID_REUSE_TOKENS", "true");
    environment.put("NODE_EXTRA_CA_CERTS", tls.caFile().toString());
    environment.put("E2E_USERNAME", username);
    environment.put("E2E_PASSWORD", password);
    environment.put("E2E_NOTIFICATION_FILE", directory.resolve("notification.txt").toString());
    environment.put("E2E_TOTP_FILE", directory.resolve(username + "-authenticator.json").toString());
    environment.put("E2E_SCREENSHOTS", Path.of("target", "screenshots", "cluster-" + name).toAbsolutePath()
        .toString());
    return environment;
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      closeQuietly(running.pop());
    }
  }

  /** Stops one part whatever happened to the others. */
  private static void closeQuietly(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      System.err.println("could not stop " + part + ": " + e);
    }
  }
}
