package dev.gatehouse;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.LogConfig;
import dev.gatehouse.config.schema.ServerConfig;
import dev.gatehouse.storage.StorageSettings;
import dev.gatehouse.telemetry.JsonLogFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translates configuration.yml into the Spring Boot properties that carry it out. */
final class GatehouseSettings {

  private GatehouseSettings() {
  }

  static Map<String, Object> springProperties(Configuration configuration) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.main.banner-mode", "off");
    server(configuration.server(), properties);
    log(configuration.log(), properties);
    properties.putAll(StorageSettings.springProperties(configuration.storage()));
    return properties;
  }

  private static void server(ServerConfig server, Map<String, Object> properties) {
    if (!server.host().isEmpty()) {
      properties.put("server.address", server.host());
    }
    properties.put("server.port", server.port());
    if (!server.path().isEmpty() && !"/".equals(server.path())) {
      properties.put("server.servlet.context-path", server.path());
    }
    // The reverse proxy's X-Forwarded-Proto/Host decide the issuer; only loopback and private
    // proxies are trusted to send them.
    properties.put("server.forward-headers-strategy", "native");
    properties.put("server.error.include-stacktrace", "never");
    properties.put("server.error.include-message", "never");
    properties.put("server.error.include-exception", false);
    properties.put("server.shutdown", "graceful");
    // Every form Gatehouse reads is a urlencoded POST. Left on, these parse bodies no endpoint
    // reads (multipart, PUT/PATCH/DELETE forms) and answer a malformed one with a 500.
    properties.put("spring.servlet.multipart.enabled", false);
    properties.put("spring.mvc.formcontent.filter.enabled", false);
  }

  private static void log(LogConfig log, Map<String, Object> properties) {
    properties.put("logging.level.root", "trace".equals(log.level()) ? "debug" : log.level());
    properties.put("logging.level.dev.gatehouse", log.level());
    boolean toFile = log.filePath() != null && !log.filePath().isEmpty();
    if (toFile) {
      properties.put("logging.file.name", log.filePath());
      if (!log.keepStdout()) {
        // Authelia writes to the file only, unless keep_stdout asks for the console too.
        properties.put("logging.threshold.console", "OFF");
      }
    }
    if ("json".equals(log.format())) {
      properties.put("logging.structured.format.console", JsonLogFormat.class.getName());
      properties.put("logging.structured.format.file", JsonLogFormat.class.getName());
    }
  }
}
