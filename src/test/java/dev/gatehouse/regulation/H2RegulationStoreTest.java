package dev.gatehouse.regulation;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class H2RegulationStoreTest extends JdbcRegulationStoreContract {

  private final JdbcDataSource dataSource = new JdbcDataSource();

  H2RegulationStoreTest() {
    dataSource.setURL("jdbc:h2:mem:regulation;DB_CLOSE_DELAY=-1");
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  String migrations() {
    return "classpath:db/migration/h2";
  }
}
