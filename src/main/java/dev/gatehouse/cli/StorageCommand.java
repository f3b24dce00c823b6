package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.storage.StorageAccess;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A {@code storage} command: reads the configuration as the server does ({@code --config}, the
 * environment, {@code _FILE} secrets), opens its database (refused while a server holds an
 * embedded one) and runs against it. A configuration with errors stops here, naming them.
 */
abstract class StorageCommand implements Callable<Integer> {

  @Mixin
  ConfigFiles configFiles = new ConfigFiles();

  final Terminal terminal;

  StorageCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    LoadResult loaded = ConfigurationLoader.load(configFiles.resolve(terminal.environment()), terminal.environment());
    if (loaded.hasErrors()) {
      throw new CommandFailure("the configuration has errors (see 'gatehouse config validate'): "
          + String.join("; ", loaded.errors()));
    }
    try (StorageAccess storage = StorageAccess.open(loaded.configuration().storage(), migratesFirst())) {
      run(storage, loaded.configuration(), terminal.out());
      return 0;
    } catch (StorageAccess.StorageRefused refused) {
      throw new CommandFailure(refused.getMessage());
    }
  }

  /** Whether the database is brought to the newest schema before the command runs (not for the migrate ones). */
  boolean migratesFirst() {
    return true;
  }

  abstract void run(StorageAccess storage, Configuration configuration, PrintWriter out);
}
