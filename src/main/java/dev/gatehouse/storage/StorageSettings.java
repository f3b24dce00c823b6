package dev.gatehouse.storage;

import dev.gatehouse.config.schema.StorageConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Spring data source and migration settings for the configured storage engine. */
public final class StorageSettings {

  private static final Duration CONNECTION_WAIT = Duration.ofSeconds(3);
  private static final Duration CONNECTION_CHECK = Duration.ofSeconds(1);

  private StorageSettings() {
  }

  public static Map<String, Object> springProperties(StorageConfig storage) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (storage.postgres() != null) {
      StorageConfig.Postgres postgres = storage.postgres();
      properties.put("spring.datasource.url", "jdbc:postgresql://" + hostForUrl(postgres.host()) + ":"
          + postgres.port() + "/" + postgres.database() + "?currentSchema=" + postgres.schema()
          + "&connectTimeout=" + Math.max(1, postgres.timeout().toSeconds()));
      properties.put("spring.datasource.username", postgres.username());
      properties.put("spring.datasource.password", postgres.password());
      properties.put("spring.flyway.locations", "classpath:db/migration/postgresql");
      properties.put("spring.flyway.schemas", postgres.schema());
    } else {
      // Commits reach the file before the answer leaves, so a crash loses nothing a client saw.
      // H2's page cache is 4 MiB rather than its default of 12 (64 scaled to the heap cap): grants
      // are cached above it (AuthorizationCache), and the pages every commit writes went through
      // it into the old generation, which then needed a full collection every few seconds.
      // H2 must not close the database from its own shutdown hook: on SIGTERM the requests still
      // being answered need it until Spring has finished them and closes the pool itself.
      properties.put("spring.datasource.url", "jdbc:h2:file:" + storage.local().path().toAbsolutePath()
          + ";WRITE_DELAY=0;CACHE_SIZE=4096;DB_CLOSE_ON_EXIT=FALSE");
      properties.put("spring.datasource.username", "gatehouse");
      properties.put("spring.datasource.password", "");
      properties.put("spring.flyway.locations", "classpath:db/migration/h2");
    }
    // While the database is down a request waits this long for a connection, then gets a 503: less
    // than openid-client's 3.5 s, so that a client sees the answer rather than its own timeout.
    properties.put("spring.datasource.hikari.connection-timeout", CONNECTION_WAIT.toMillis());
    // The pool checks a connection that sat idle before handing it out, and replaces it if the
    // database dropped it (as a restart does); the check gives up after this long.
    properties.put("spring.datasource.hikari.validation-timeout", CONNECTION_CHECK.toMillis());
    return properties;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
