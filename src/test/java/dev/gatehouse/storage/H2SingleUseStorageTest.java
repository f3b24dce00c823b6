package dev.gatehouse.storage;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class H2SingleUseStorageTest extends SingleUseStorageContract {

  private final JdbcDataSource dataSource = new JdbcDataSource();

  H2SingleUseStorageTest() {
    dataSource.setURL("jdbc:h2:mem:single-use;DB_CLOSE_DELAY=-1");
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  StorageEngine engine() {
    return StorageEngine.H2;
  }
}
