package dev.gatehouse.totp;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.StorageEncryption;
import dev.gatehouse.storage.TotpConfigurationRepository;
import dev.gatehouse.storage.TotpHistoryStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** TOTP wiring: devices in storage, the verifier with its replay history, the enrolment policy. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TotpWiring {

  @Bean
  TotpDevices totpDevices(TotpConfigurationRepository repository, StorageEncryption encryption, Clock clock) {
    return new TotpDevices(repository, encryption, clock);
  }

  @Bean
  TotpVerifier totpVerifier(Configuration configuration, JdbcTemplate jdbc, Clock clock) {
    TotpHistoryStore history = new TotpHistoryStore(jdbc, clock);
    return new TotpVerifier(configuration.totp(), history::recordFirstUse, clock);
  }

  @Bean
  TotpEnrolmentPolicy totpEnrolmentPolicy(Configuration configuration) {
    return new TotpEnrolmentPolicy(configuration.totp());
  }
}
