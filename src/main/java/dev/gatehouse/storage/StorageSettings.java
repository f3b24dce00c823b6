package dev.gatehouse.storage;

import dev.gatehouse.config.schema.StorageConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Spring data source and migration settings for the configured storage engine. */
public final class StorageSettings {

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
      properties.put("spring.datasource.url", "jdbc:h2:file:" + storage.local().path().toAbsolutePath()
          + ";WRITE_DELAY=0");
      properties.put("spring.datasource.username", "gatehouse");
      properties.put("spring.datasource.password", "");
      properties.put("spring.flyway.locations", "classpath:db/migration/h2");
    }
    properties.put("spring.jpa.hibernate.ddl-auto", "none");
    properties.put("spring.jpa.open-in-view", false);
    return properties;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
