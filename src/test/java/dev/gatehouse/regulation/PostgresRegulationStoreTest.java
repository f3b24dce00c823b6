package dev.gatehouse.regulation;

import dev.gatehouse.testing.TemporaryPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresRegulationStoreTest extends JdbcRegulationStoreContract {

  private static TemporaryPostgres postgres;
  private static PGSimpleDataSource dataSource;

  @BeforeAll
  static void start() {
    postgres = TemporaryPostgres.start();
    dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + TemporaryPostgres.DATABASE);
    dataSource.setUser(TemporaryPostgres.USER);
    dataSource.setPassword(TemporaryPostgres.PASSWORD);
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
