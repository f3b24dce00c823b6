package dev.gatehouse;

import ch.qos.logback.classic.Level;
import dev.gatehouse.cli.AdminCommands;
import dev.gatehouse.cli.Terminal;
import dev.gatehouse.config.ConfigLocationException;
import dev.gatehouse.config.ConfigLocations;
import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.config.schema.AuthenticationBackendConfig;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.crypto.NativeCrypto;
import dev.gatehouse.crypto.TrustedCertificates;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.identity.UsersFileDirectory;
import dev.gatehouse.identity.UsersFileException;
import dev.gatehouse.ldap.LdapUserDirectory;
import dev.gatehouse.notifier.NotificationException;
import dev.gatehouse.notifier.Notifier;
import dev.gatehouse.notifier.Notifiers;
import dev.gatehouse.storage.StorageStartupCheck;
import dev.gatehouse.telemetry.JsonConsoleLogging;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Starts Gatehouse: reads and validates configuration.yml, then brings up the web application; or,
 * when the first argument names a command ({@code crypto …}, {@code config validate}), runs that.
 */
@SpringBootApplication
public class Gatehouse {

  /** Where configuration warnings go once the log has a format of its own to keep. */
  private static final Logger log = LoggerFactory.getLogger("configuration");

  public static void main(String[] args) {
    NativeCrypto.Choice crypto = NativeCrypto.install(System.getenv());
    if (AdminCommands.isCommand(args)) {
      // A command says what it did on standard output, which scripts read (export uri > file), and
      // its failures in one line on standard error: the libraries' own logging would mix into both.
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
          .setLevel(Level.OFF);
      System.exit(AdminCommands.run(args, Terminal.system()));
      return;
    }
    Map<String, String> environment = System.getenv();
    List<Path> files;
    try {
      files = ConfigLocations.resolve(args, environment);
    } catch (ConfigLocationException e) {
      System.err.println("gatehouse: " + e.getMessage());
      System.exit(2);
      return;
    }
    LoadResult result = ConfigurationLoader.load(files, environment);
    if (!result.errors().isEmpty()) {
      result.warnings().forEach(warning -> System.err.println("Configuration: warning: " + warning));
      exitWith(result.errors());
      return;
    }
    if ("json".equals(result.configuration().log().format())) {
      JsonConsoleLogging.start();
      result.warnings().forEach(warning -> log.warn("Configuration: {}", warning));
    } else {
      result.warnings().forEach(warning -> System.err.println("Configuration: warning: " + warning));
    }
    LoggerFactory.getLogger("crypto").info("Cryptography: {}", crypto.description());
    try {
      start(result.configuration());
    } catch (StartupProblems e) {
      exitWith(e.problems());
    }
  }

  /**
   * Runs Gatehouse on an already validated configuration; tests start it this way too. The
   * users database, the storage directory and the notifier are checked first, and a database
   * that fails to open is explained, so that their problems read like configuration errors
   * rather than a failed Spring context.
   */
  public static ConfigurableApplicationContext start(Configuration configuration) {
    UserDirectory users = openUsers(configuration);
    List<String> storageProblems = StorageStartupCheck.problemsBeforeStart(configuration.storage());
    if (!storageProblems.isEmpty()) {
      throw new StartupProblems(storageProblems);
    }
    Notifier notifier = Notifiers.from(configuration.notifier());
    if (!configuration.notifier().disableStartupCheck()) {
      try {
        notifier.startupCheck();
      } catch (NotificationException e) {
        throw new StartupProblems(List.of("notifier: " + e.getMessage()));
      }
    }
    SpringApplication application = new SpringApplication(Gatehouse.class);
    application.setDefaultProperties(GatehouseSettings.springProperties(configuration));
    application.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("gatehouseConfiguration", configuration);
      context.getBeanFactory().registerSingleton("userDirectory", users);
      context.getBeanFactory().registerSingleton("notifier", notifier);
    });
    try {
      return application.run();
    } catch (RuntimeException failure) {
      throw StorageStartupCheck.explain(configuration.storage(), failure)
          .<RuntimeException>map(problem -> new StartupProblems(List.of(problem))).orElse(failure);
    }
  }

  /** The users file, read now, or the directory, connected to now (a directory not up yet is waited for). */
  private static UserDirectory openUsers(Configuration configuration) {
    AuthenticationBackendConfig backend = configuration.authenticationBackend();
    if (backend.ldap() != null) {
      X509TrustManager trust;
      try {
        trust = TrustedCertificates.withDirectoryIfAny(configuration.certificatesDirectory());
      } catch (IllegalArgumentException e) {
        throw new StartupProblems(List.of("certificates_directory: " + e.getMessage()));
      }
      return LdapUserDirectory.open(backend.ldap(), backend.refreshInterval(), trust, Clock.systemUTC());
    }
    try {
      return UsersFileDirectory.open(backend.usersFile(), backend.extraAttributes());
    } catch (UsersFileException e) {
      throw new StartupProblems(e.problems());
    }
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  private static void exitWith(List<String> problems) {
    System.err.println("Configuration: " + problems.size() + " error(s), Gatehouse did not start:");
    problems.forEach(problem -> System.err.println("Configuration: error: " + problem));
    System.exit(1);
  }

  /** Problems found while preparing to start, reported like configuration errors. */
  public static final class StartupProblems extends RuntimeException {
    private final List<String> problems;

    StartupProblems(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
