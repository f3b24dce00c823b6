package dev.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upgrade to version 12 keeps every token already issued findable: their digests move to
 * oauth2_token_digest before the indexes on the grant's token columns go.
 */
class TokenDigestMigrationTest {

  @Test
  void tokensIssuedBeforeTheUpgradeAreRecordedAndTheirColumnIndexesDropped(@TempDir Path directory) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("gatehouse"));
    migrate(dataSource, "11");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
        + " access_token_hash, refresh_token_hash, oidc_id_token_hash) values (?, ?, ?, ?, ?, ?, ?)",
        "grant-1", "app", "john", "authorization_code", "a".repeat(64), "b".repeat(64), "c".repeat(64));
    jdbc.update("insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
        + " authorization_code_hash) values (?, ?, ?, ?, ?)", "grant-2", "app", "john", "authorization_code",
        "d".repeat(64));

    migrate(dataSource, "latest");

    assertThat(jdbc.queryForList("select token_hash from oauth2_token_digest where authorization_id = 'grant-1'",
        String.class)).containsExactlyInAnyOrder("a".repeat(64), "b".repeat(64), "c".repeat(64));
    assertThat(jdbc.queryForObject("select count(*) from oauth2_token_digest where authorization_id = 'grant-2'",
        Integer.class)).isZero();
    List<String> indexes = jdbc.queryForList("select lower(index_name) from information_schema.indexes"
        + " where lower(table_name) = 'oauth2_authorization'", String.class);
    assertThat(indexes).contains("ix_oauth2_authorization_code", "ix_oauth2_authorization_state")
        .doesNotContain("ix_oauth2_authorization_access", "ix_oauth2_authorization_refresh",
            "ix_oauth2_authorization_id_token");

    jdbc.update("delete from oauth2_authorization where id = 'grant-1'");
    assertThat(jdbc.queryForObject("select count(*) from oauth2_token_digest", Integer.class))
        .as("the recorded digests go with their grant").isZero();
  }

  private static void migrate(JdbcDataSource dataSource, String target) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").target(target).load().migrate();
  }
}
