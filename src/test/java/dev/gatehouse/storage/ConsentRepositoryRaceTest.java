package dev.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.Race;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Remembering one consent from several requests at once, on H2, where the upsert is a merge. */
class ConsentRepositoryRaceTest {

  @Test
  void consentsSavedAtOnceForOneClientAndUserAllSucceedAndOneIsKept() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:consent-race;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ConsentRepository consents = new ConsentRepository(jdbc, StorageEngine.H2);
    Instant now = Instant.parse("2026-12-04T00:00:00Z");

    for (int round = 0; round < 100; round++) {
      consents.delete("chat", "john");
      Race.of(16, () -> {
        consents.save(new ConsentRow("chat", "john", "openid email", now, now.plusSeconds(60)));
        return null;
      });
      assertThat(jdbc.queryForObject("select count(*) from oauth2_consent", Integer.class)).isOne();
    }
  }
}
