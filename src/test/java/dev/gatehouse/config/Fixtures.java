package dev.gatehouse.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Configuration texts for tests, written to temporary files and loaded. */
public final class Fixtures {

  /** The fewest keys a configuration needs to load. */
  public static final String MINIMAL = """
      authentication_backend:
        file:
          path: 'config/users.yml'
      storage:
        encryption_key: 'a-random-key-of-more-than-twenty-characters'
        local:
          path: 'data/gatehouse'
      notifier:
        filesystem:
          filename: 'data/notification.txt'
      """;

  /** {@link #MINIMAL} plus a provider with one confidential client, {@code app}. */
  static final String WITH_CLIENT = MINIMAL + """
      identity_providers:
        oidc:
          hmac_secret: 'a-random-hmac-secret'
          clients:
            - client_id: 'app'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
              redirect_uris:
                - 'https://app.example.com/callback'
      """;

  private Fixtures() {
  }

  /** {@link #MINIMAL} plus an OIDC provider whose {@code clients:} list is {@code clientsYaml}. */
  static String withClients(String clientsYaml) {
    String indented = clientsYaml.stripIndent().lines().map(line -> "      " + line)
        .reduce("", (a, b) -> a + b + "\n");
    return MINIMAL + """
        identity_providers:
          oidc:
            clients:
        """ + indented;
  }

  public static LoadResult load(String... yamlFiles) {
    return load(Map.of(), yamlFiles);
  }

  static LoadResult load(Map<String, String> environment, String... yamlFiles) {
    List<Path> paths = new ArrayList<>();
    for (String yaml : yamlFiles) {
      paths.add(write(yaml));
    }
    return ConfigurationLoader.load(paths, environment);
  }

  static Path write(String text) {
    try {
      Path file = Files.createTempFile("gatehouse-config-", ".yml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
