package dev.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestStorage;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The code flow, and so the migrations, on a real PostgreSQL server. */
class PostgresCodeFlowTest extends CodeFlowContract {

  @Override
  TestStorage storage() {
    return TestStorage.postgres();
  }

  @Test
  void storageIsThePostgresServer() throws Exception {
    try (Connection connection = gatehouse.bean(DataSource.class).getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getMetaData().getURL()).contains("127.0.0.1");
    }
  }
}
