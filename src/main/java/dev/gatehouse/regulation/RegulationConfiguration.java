package dev.gatehouse.regulation;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.telemetry.Audit;
import dev.gatehouse.telemetry.Metrics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Regulation wiring: the regulator over the database, and the first factor's timing delay. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class RegulationConfiguration {

  @Bean
  Regulator regulator(Configuration configuration, JdbcTemplate jdbc, Clock clock, Metrics metrics) {
    return new Regulator(configuration.regulation(), new JdbcRegulationStore(jdbc), clock, attempt -> {
      if (attempt.kind().isFirstFactor()) {
        metrics.firstFactor(attempt.successful(), attempt.banned());
        Audit.firstFactor(attempt.username(), attempt.remoteIp(), attempt.successful(), attempt.banned());
      } else {
        metrics.secondFactor(attempt.successful(), attempt.banned(), attempt.kind().value());
        Audit.secondFactor(attempt.username(), attempt.remoteIp(), attempt.kind().value(), attempt.successful(),
            attempt.banned());
      }
    });
  }

  @Bean
  TimingAttackDelay timingAttackDelay() {
    return TimingAttackDelay.sleeping();
  }
}
