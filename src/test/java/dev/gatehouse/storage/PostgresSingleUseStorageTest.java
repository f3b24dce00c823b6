package dev.gatehouse.storage;

import dev.gatehouse.testing.TemporaryPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresSingleUseStorageTest extends SingleUseStorageContract {

  private static TemporaryPostgres postgres;

  @BeforeAll
  static void start() {
    postgres = TemporaryPostgres.start();
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  DataSource dataSource() {
    return postgres.dataSource();
  }

  @Override
  StorageEngine engine() {
    return StorageEngine.POSTGRESQL;
  }
}
