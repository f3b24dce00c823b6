package dev.gatehouse.testing;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.session.SessionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Gatehouse on 127.0.0.1, started in this JVM from a configuration.yml written to a
 * temporary directory, exactly as an admin's file would be read.
 */
public final class TestGatehouse implements AutoCloseable {

  /** The digest of {@code app_secret}: PBKDF2-SHA512 at 1000 iterations, made with Python's hashlib. */
  public static final String APP_SECRET_DIGEST =
      "$pbkdf2-sha512$1000$ABEiM0RVZneImaq7zN3u/w$nO37i.OmCcb6Q9JYrfxpKt7cVhf9MecNx3cR4gBHz2spmgdctaEs/AOt6g79eRoAVtTA27vjaOTYdYlejbx3PA";
  public static final String APP_SECRET = "app_secret";
  public static final String APP_REDIRECT = "https://app.example.com/oauth/callback";
  public static final String APP_POST_LOGOUT_REDIRECT = "https://app.example.com/logged-out";
  public static final String USER = "john";
  public static final String PASSWORD = "john_password";

  public static final String USERS_YML = """
      users:
        john:
          displayname: 'John Doe'
          password: '$plaintext$john_password'
          email: 'john@example.com'
          given_name: 'John'
          family_name: 'Doe'
          groups: ['admins', 'dev']
        jane:
          displayname: 'Jane Roe'
          password: '$plaintext$jane_password'
          email: 'jane@example.com'
          disabled: true
      """;

  /** A one_factor confidential client with refresh tokens and opaque access tokens. */
  public static final String ONE_FACTOR_CLIENTS = """
          clients:
            - client_id: 'app'
              client_name: 'Test App'
              client_secret: '%s'
              authorization_policy: 'one_factor'
              consent_mode: 'implicit'
              redirect_uris: ['%s']
              post_logout_redirect_uris: ['%s']
              scopes: ['openid', 'profile', 'email', 'groups', 'offline_access']
              grant_types: ['authorization_code', 'refresh_token']
              access_token_signed_response_alg: 'none'
              token_endpoint_auth_method: 'client_secret_basic'
            - client_id: 'other'
              client_secret: '%s'
              authorization_policy: 'one_factor'
              consent_mode: 'implicit'
              redirect_uris: ['https://other.example.com/callback']
              scopes: ['openid', 'profile']
              token_endpoint_auth_method: 'client_secret_post'
      """.formatted(APP_SECRET_DIGEST, APP_REDIRECT, APP_POST_LOGOUT_REDIRECT, APP_SECRET_DIGEST);

  public static final String CHAT_REDIRECT = "https://chat.example.com/oauth/openid/callback";

  /** The seed's LibreChat client shape: two_factor, basic auth, opaque tokens; a cheap secret. */
  public static final String TWO_FACTOR_CLIENTS = """
          clients:
            - client_id: 'chat'
              client_name: 'Chat'
              client_secret: '%s'
              authorization_policy: 'two_factor'
              consent_mode: 'implicit'
              redirect_uris: ['%s']
              scopes: ['openid', 'profile', 'email']
              grant_types: ['authorization_code', 'refresh_token']
              access_token_signed_response_alg: 'none'
              userinfo_signed_response_alg: 'none'
              token_endpoint_auth_method: 'client_secret_basic'
      """.formatted(APP_SECRET_DIGEST, CHAT_REDIRECT);

  /** The seed guide's digest of {@code insecure_secret}: PBKDF2-SHA512, 310,000 iterations. */
  public static final String SEED_DIGEST =
      "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";

  /**
   * The LibreChat client block of the seed guide as pasted, but for where its redirect URIs point
   * (a test's own callback instead of librechat.example.com).
   */
  public static String seedLibreChatClient(String redirectUri, List<String> postLogoutRedirectUris) {
    String postLogout = postLogoutRedirectUris.isEmpty() ? "" : "        post_logout_redirect_uris:\n"
        + postLogoutRedirectUris.stream().map(uri -> "          - '" + uri + "'\n").reduce("", String::concat);
    return """
            clients:
              - client_id: 'librechat'
                client_name: 'LibreChat'
                client_secret: '%s'  # The digest of 'insecure_secret'.
                public: false
                authorization_policy: 'two_factor'
                require_pkce: false
                pkce_challenge_method: ''
                redirect_uris:
                  - '%s'
        %s        scopes:
                  - 'openid'
                  - 'profile'
                  - 'email'
                response_types:
                  - 'code'
                grant_types:
                  - 'authorization_code'
                  - 'refresh_token'
                access_token_signed_response_alg: 'none'
                userinfo_signed_response_alg: 'none'
                token_endpoint_auth_method: 'client_secret_basic'
        """.formatted(SEED_DIGEST, redirectUri, postLogout);
  }

  private final Path directory;
  private final int port;
  private final List<Path> files;
  private final ConfigurableApplicationContext context;

  private TestGatehouse(Path directory, int port, List<Path> files) {
    this.directory = directory;
    this.port = port;
    this.files = files;
    this.context = Gatehouse.start(load(files));
  }

  /** Starts with an H2 file under {@code directory} and the given {@code identity_providers.oidc} clients. */
  public static TestGatehouse start(Path directory, String clientsYaml) {
    return start(directory, clientsYaml, storageLocal(directory));
  }

  public static TestGatehouse start(Path directory, String clientsYaml, String storageYaml) {
    return start(directory, clientsYaml, storageYaml, filesystemNotifier(directory));
  }

  public static String filesystemNotifier(Path directory) {
    return """
        notifier:
          filesystem:
            filename: '%s'
        """.formatted(directory.resolve("notification.txt"));
  }

  public static TestGatehouse start(Path directory, String clientsYaml, String storageYaml, String notifierYaml) {
    return start(directory, clientsYaml, storageYaml, notifierYaml, USERS_YML);
  }

  public static TestGatehouse start(Path directory, String clientsYaml, String storageYaml, String notifierYaml,
      String usersYaml) {
    return start(directory, clientsYaml, storageYaml, notifierYaml, usersYaml, null);
  }

  /**
   * Like {@link #start(Path, String)}, with {@code overridesYaml} (top-level sections such as
   * {@code regulation} or {@code log}) read as a second configuration file over the generated one.
   */
  public static TestGatehouse startWithOverrides(Path directory, String clientsYaml, String overridesYaml) {
    return startWithOverrides(directory, clientsYaml, overridesYaml, USERS_YML);
  }

  /** As {@link #startWithOverrides(Path, String, String)}, with the users of {@code usersYaml}. */
  public static TestGatehouse startWithOverrides(Path directory, String clientsYaml, String overridesYaml,
      String usersYaml) {
    return start(directory, clientsYaml, storageLocal(directory), filesystemNotifier(directory), usersYaml,
        overridesYaml);
  }

  /** As {@link #startWithOverrides(Path, String, String)}, on the storage of {@code storageYaml}. */
  public static TestGatehouse startOnStorage(Path directory, String clientsYaml, String storageYaml,
      String overridesYaml) {
    return start(directory, clientsYaml, storageYaml, filesystemNotifier(directory), USERS_YML, overridesYaml);
  }

  private static TestGatehouse start(Path directory, String clientsYaml, String storageYaml, String notifierYaml,
      String usersYaml, String overridesYaml) {
    int port = freePort();
    Path file = writeConfiguration(directory, port, clientsYaml, storageYaml, notifierYaml, usersYaml);
    List<Path> files = overridesYaml == null ? List.of(file)
        : List.of(file, write(directory.resolve("overrides.yml"), overridesYaml));
    return new TestGatehouse(directory, port, files);
  }

  private static Configuration load(List<Path> files) {
    LoadResult result = ConfigurationLoader.load(files, Map.of());
    if (!result.errors().isEmpty()) {
      throw new IllegalStateException("test configuration is invalid: " + result.errors());
    }
    return result.configuration();
  }

  /**
   * Stops this Gatehouse and starts a new process of it on the same port, files and storage: what
   * it kept in memory (sessions, cached grants) is gone, what it stored is not.
   */
  public TestGatehouse restart() {
    close();
    return new TestGatehouse(directory, port, files);
  }

  /**
   * Writes {@code configuration.yml} and {@code users.yml} into {@code directory} for a Gatehouse
   * on 127.0.0.1:{@code port}, as {@link #start} does; returns the configuration file.
   */
  public static Path writeConfiguration(Path directory, int port, String clientsYaml, String storageYaml,
      String notifierYaml, String usersYaml) {
    write(directory.resolve("users.yml"), usersYaml);
    String fileBackend = """
        authentication_backend:
          file:
            path: '%s'
        """.formatted(directory.resolve("users.yml"));
    return writeConfigurationWith(directory, port, fileBackend, clientsYaml, storageYaml, notifierYaml);
  }

  /** As {@link #writeConfiguration(Path, int, String, String, String, String)}, with this authentication backend. */
  private static Path writeConfigurationWith(Path directory, int port, String backendYaml, String clientsYaml,
      String storageYaml, String notifierYaml) {
    String configuration = """
        server:
          address: 'tcp://127.0.0.1:%d/'
        log:
          level: 'warn'
        %s
        %s
        %s
        identity_providers:
          oidc:
            hmac_secret: 'this_is_a_test_hmac_secret_of_sufficient_length'
        %s
        """.formatted(port, backendYaml, storageYaml, notifierYaml, clientsYaml);
    return write(directory.resolve("configuration.yml"), configuration);
  }

  /**
   * Starts with users from a directory server: {@code backendYaml} is the whole
   * {@code authentication_backend} section, e.g. its {@code ldap} backend.
   */
  public static TestGatehouse startOnDirectory(Path directory, String clientsYaml, String backendYaml) {
    int port = freePort();
    Path file = writeConfigurationWith(directory, port, backendYaml, clientsYaml, storageLocal(directory),
        filesystemNotifier(directory));
    return new TestGatehouse(directory, port, List.of(file));
  }

  public static String storageLocal(Path directory) {
    return """
        storage:
          encryption_key: 'a_very_important_secret_for_tests'
          local:
            path: '%s'
        """.formatted(directory.resolve("db"));
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path directory() {
    return directory;
  }

  public Path notificationFile() {
    return directory.resolve("notification.txt");
  }

  /** The HTTP sessions the server holds now, whoever made them. */
  public long activeSessions() {
    return context.getBean(SessionStore.class).activeSessions();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  private static Path write(Path file, String content) {
    try {
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
