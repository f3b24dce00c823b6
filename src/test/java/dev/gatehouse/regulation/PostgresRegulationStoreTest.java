package dev.gatehouse.regulation;

import dev.gatehouse.testing.TemporaryPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresRegulationStoreTest extends JdbcRegulationStoreContract {

  private static TemporaryPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void start() {
    postgres = TemporaryPostgres.start();
    dataSource = postgres.dataSource();
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  String migrations() {
    return "classpath:db/migration/postgresql";
  }
}
