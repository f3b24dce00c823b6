package dev.gatehouse.identity;

import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.OpaqueIdentifierRepository;
import java.io.IOException;
import org.springframework.context.annotation.Bean;

/** Identity wiring: the user directory (opened before Spring starts), its watcher or connections, subjects. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

  @Bean
  SubjectIdentifiers subjectIdentifiers(OpaqueIdentifierRepository repository) {
    return new SubjectIdentifiers(repository);
  }

  /** The directory's connections, closed with the application (a users file holds none). */
  @Bean(destroyMethod = "close")
  AutoCloseable userDirectoryConnections(UserDirectory users) {
    return users instanceof AutoCloseable connections ? connections::close : () -> { };
  }

  @Bean(destroyMethod = "close")
  AutoCloseable usersFileWatcher(Configuration configuration, UserDirectory users) throws IOException {
    return configuration.authenticationBackend().watch() && users instanceof UsersFileDirectory file
        ? UsersFileWatcher.start(file) : () -> { };
  }
}
