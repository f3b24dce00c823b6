package dev.gatehouse.testing;

import java.nio.file.Path;

/** The storage engine a test contract runs on: its {@code storage} section, and its server if any. */
public interface TestStorage extends AutoCloseable {

  /** The {@code storage} section, starting whatever server it names. */
  String yaml(Path directory);

  /** Stops the server, once Gatehouse is down. */
  @Override
  default void close() {
  }

  static TestStorage h2() {
    return TestGatehouse::storageLocal;
  }

  static TestStorage postgres() {
    return new TestStorage() {
      private TemporaryPostgres postgres;

      @Override
      public String yaml(Path directory) {
        postgres = TemporaryPostgres.start();
        return postgres.storageYaml();
      }

      @Override
      public void close() {
        if (postgres != null) {
          postgres.close();
        }
      }

      @Override
      public String toString() {
        return postgres == null ? "postgres (not started)" : "postgres on port " + postgres.port();
      }
    };
  }
}
