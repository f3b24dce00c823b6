package dev.gatehouse.telemetry;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.schema.TelemetryConfig;
import java.io.IOException;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Telemetry wiring: an id for each request, which log lines carry; with
 * {@code telemetry.metrics.enabled}, a Prometheus registry, its server on its own port and the
 * valve that counts requests; without it, meters that record nothing.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TelemetryConfiguration {

  @Bean
  Metrics metrics(Configuration configuration) {
    return configuration.telemetry().enabled() ? Metrics.prometheus() : Metrics.none();
  }

  @Bean(destroyMethod = "close")
  AutoCloseable metricsServer(Configuration configuration, Metrics metrics) throws IOException {
    TelemetryConfig telemetry = configuration.telemetry();
    return telemetry.enabled()
        ? MetricsServer.start(telemetry.host(), telemetry.port(), telemetry.path(), metrics::scrape) : () -> { };
  }

  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestMetrics(Configuration configuration,
      Metrics metrics) {
    return factory -> {
      factory.addEngineValves(new RequestIdValve());
      if (configuration.telemetry().enabled()) {
        factory.addEngineValves(new RequestMetricsValve(metrics));
      }
    };
  }
}
