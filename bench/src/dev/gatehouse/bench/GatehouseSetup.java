package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatehouse as the benchmark runs it: started with the given command (java, its options and
 * {@code -jar gatehouse.jar}) on bench/gatehouse/configuration.yml in a fresh directory, and its bench
 * users given a TOTP device through Gatehouse's own enrolment pages.
 */
final class GatehouseSetup {

  static final Client SEED_CLIENT = new Client("librechat", "insecure_secret",
      URI.create("https://librechat.example.com/oauth/openid/callback"), "openid profile email");
  static final Client PASSWORD_ONLY_CLIENT = new Client("librechat-password", "insecure_secret",
      SEED_CLIENT.redirectUri(), SEED_CLIENT.scope());
  /** The password-only client with JWT access tokens. */
  static final Client JWT_CLIENT = new Client("librechat-jwt", "insecure_secret",
      SEED_CLIENT.redirectUri(), SEED_CLIENT.scope());

  private static final Pattern MAILED_CODE = Pattern.compile("-{40}\\s*\\n\\s*([A-Z0-9]+)\\s*\\n\\s*-{40}");
  private static final Pattern TOTP_SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7 ]+)</code>");

  /** The environment that makes Gatehouse keep the JDK's own cryptography providers. */
  static final Map<String, String> JDK_PROVIDER = Map.of("GATEHOUSE_CRYPTO_PROVIDER", "jdk");

  private static final Pattern CRYPTOGRAPHY = Pattern.compile("Cryptography: (.*)");

  private final Path directory;
  private final List<String> command;
  private final int port;
  private final Map<String, String> environment;

  /** {@code environment}: set for Gatehouse besides its address, e.g. {@link #JDK_PROVIDER}. */
  GatehouseSetup(Path directory, Path configuration, List<Account> accounts, List<String> command, int port,
      Map<String, String> environment) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.command = command;
    this.port = port;
    this.environment = environment;
    Files.createDirectories(directory.resolve("data"));
    Files.copy(configuration, directory.resolve("configuration.yml"));
    StringBuilder users = new StringBuilder("users:\n");
    for (Account account : accounts) {
      users.append("  ").append(account.username()).append(":\n")
          .append("    displayname: '").append(BenchUsers.displayName(account)).append("'\n")
          .append("    password: '").append(BenchUsers.PASSWORD_DIGEST).append("'\n")
          .append("    email: '").append(BenchUsers.email(account)).append("'\n");
    }
    Files.writeString(directory.resolve("users.yml"), users);
  }

  private GatehouseSetup(GatehouseSetup other, List<String> command) {
    this.directory = other.directory;
    this.command = command;
    this.port = other.port;
    this.environment = other.environment;
  }

  /** The same Gatehouse, directory and port, started by another command (to compare start-ups). */
  GatehouseSetup withCommand(List<String> other) {
    return new GatehouseSetup(this, other);
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + port);
  }

  ServerProcess start(String logName) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("--config", "configuration.yml"));
    Path log = directory.resolve(logName);
    Map<String, String> variables = new HashMap<>(environment);
    variables.put("GATEHOUSE_SERVER_ADDRESS", "tcp://127.0.0.1:" + port + "/");
    ServerProcess started = ServerProcess.start("Gatehouse", full, variables, directory, log,
        URI.create(issuer() + "/.well-known/openid-configuration"), Duration.ofSeconds(120));
    if (Files.readString(log).contains("Unable to use shared archive")) {
      started.close();
      throw new IllegalStateException("Gatehouse started without its class data sharing archive, so its start-up and memory"
          + " would not be those of the README's start command; see " + log);
    }
    return started;
  }

  /** The cryptography Gatehouse says it uses in {@code logName}, as its start-up line names it. */
  String cryptography(String logName) throws IOException {
    Matcher line = CRYPTOGRAPHY.matcher(Files.readString(directory.resolve(logName)));
    return line.find() ? line.group(1).strip() : "not logged";
  }

  /**
   * Enrols a device for {@code account} as a person does on first login to a two_factor client:
   * password, the one-time code mailed (here, written to the notifier's file), the secret shown,
   * and a first TOTP code. Leaves {@code browser} signed in with both factors.
   */
  Enrolment enrol(Browser browser, Provider provider, Account account) throws IOException {
    Browser.Page login = browser.open(provider.authorizationRequest("enrol" + account.username()));
    Browser.Page identity = browser.submit(login.form(),
        Map.of("username", account.username(), "password", account.password()));
    Browser.Page device = browser.submit(identity.form(), Map.of("code", mailedCode()));
    Matcher shown = TOTP_SECRET.matcher(device.response().text());
    if (!shown.find()) {
      throw new UnexpectedResponse("no TOTP secret on " + device.uri());
    }
    Account enrolled = account.withTotp(Totp.decodeSecret(shown.group(1)));
    long step = Totp.stepAt(Instant.now().getEpochSecond());
    Browser.Page done = browser.submit(device.form(), Map.of("code", Totp.code(enrolled.totpSecret(), step)));
    if (done.uri().getPath().startsWith("/totp/enrol")) {
      throw new UnexpectedResponse("Gatehouse refused the enrolment of " + account.username());
    }
    return new Enrolment(enrolled, step);
  }

  /** An enrolled user and the TOTP step its confirmation spent, which no later login may submit again. */
  record Enrolment(Account account, long spentStep) {
  }

  private String mailedCode() throws IOException {
    String message = Files.readString(directory.resolve("data/notification.txt")).replace("\r\n", "\n");
    Matcher code = MAILED_CODE.matcher(message);
    if (!code.find()) {
      throw new UnexpectedResponse("no one-time code in the notifier's file");
    }
    return code.group(1);
  }
}
