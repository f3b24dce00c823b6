package dev.gatehouse.storage;

import dev.gatehouse.config.schema.Configuration;
import org.springframework.context.annotation.Bean;

/** Storage wiring; the data source itself comes from {@link StorageSettings}. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

  @Bean
  StorageEncryption storageEncryption(Configuration configuration) {
    return new StorageEncryption(configuration.storage().encryptionKey());
  }
}
