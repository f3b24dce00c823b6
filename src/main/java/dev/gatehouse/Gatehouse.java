package dev.gatehouse;

import dev.gatehouse.config.ConfigLocationException;
import dev.gatehouse.config.ConfigLocations;
import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.identity.UserDirectory;
import dev.gatehouse.identity.UsersFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Gatehouse: reads and validates configuration.yml, then brings up the web application. */
@SpringBootApplication
public class Gatehouse {

  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    List<Path> files;
    try {
      files = ConfigLocations.resolve(args, environment);
    } catch (ConfigLocationException e) {
      System.err.println("gatehouse: " + e.getMessage());
      System.exit(2);
      return;
    }
    LoadResult result = ConfigurationLoader.load(files, environment);
    result.warnings().forEach(warning -> System.err.println("Configuration: warning: " + warning));
    if (!result.errors().isEmpty()) {
      System.err.println("Configuration: " + result.errors().size() + " error(s), Gatehouse did not start:");
      result.errors().forEach(error -> System.err.println("Configuration: error: " + error));
      System.exit(1);
      return;
    }
    UserDirectory users;
    try {
      users = UserDirectory.open(result.configuration().authenticationBackend().usersFile());
    } catch (UsersFileException e) {
      e.problems().forEach(problem -> System.err.println("Configuration: error: " + problem));
      System.exit(1);
      return;
    }
    start(result.configuration(), users);
  }

  /**
   * Runs Gatehouse on an already validated configuration and users database; tests start it
   * this way too.
   */
  public static ConfigurableApplicationContext start(Configuration configuration, UserDirectory users) {
    SpringApplication application = new SpringApplication(Gatehouse.class);
    application.setDefaultProperties(GatehouseSettings.springProperties(configuration));
    application.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("gatehouseConfiguration", configuration);
      context.getBeanFactory().registerSingleton("userDirectory", users);
    });
    return application.run();
  }
}
