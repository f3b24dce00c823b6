package dev.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TemporaryPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The code flow, and so the migrations, on a real PostgreSQL server. */
class PostgresCodeFlowTest extends CodeFlowContract {

  private TemporaryPostgres postgres;

  @Override
  String storageYaml(Path directory) {
    postgres = TemporaryPostgres.start();
    return postgres.storageYaml();
  }

  @Override
  void stopStorage() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void storageIsThePostgresServer() throws Exception {
    try (Connection connection = gatehouse.bean(DataSource.class).getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getMetaData().getURL()).contains(":" + postgres.port() + "/");
    }
  }
}
