package dev.gatehouse.storage;

import dev.gatehouse.config.schema.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Storage wiring; the data source itself comes from {@link StorageSettings}. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

  @Bean
  StorageEncryption storageEncryption(Configuration configuration) {
    return new StorageEncryption(configuration.storage().encryptionKey());
  }

  @Bean
  AuthorizationRepository authorizationRepository(JdbcTemplate jdbc) {
    return new AuthorizationRepository(jdbc);
  }

  @Bean
  ConsentRepository consentRepository(JdbcTemplate jdbc, Configuration configuration) {
    return new ConsentRepository(jdbc, StorageEngine.of(configuration.storage()));
  }

  @Bean
  OpaqueIdentifierRepository opaqueIdentifierRepository(JdbcTemplate jdbc) {
    return new OpaqueIdentifierRepository(jdbc);
  }

  @Bean
  SigningKeyRepository signingKeyRepository(JdbcTemplate jdbc, Configuration configuration) {
    return new SigningKeyRepository(jdbc, StorageEngine.of(configuration.storage()));
  }

  @Bean
  TotpConfigurationRepository totpConfigurationRepository(JdbcTemplate jdbc, Configuration configuration) {
    return new TotpConfigurationRepository(jdbc, StorageEngine.of(configuration.storage()));
  }
}
