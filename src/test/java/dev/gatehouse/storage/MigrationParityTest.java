package dev.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each engine has its own migrations, and both schemas must move together: every version exists for
 * both, but one. V6 is H2's alone: it turns the grant's JSON columns from clob into long varchar,
 * which PostgreSQL's text never needed.
 */
class MigrationParityTest {

  private static final String H2_ONLY = "V6__grant_columns_in_row.sql";

  @Test
  void everyMigrationExistsForBothEnginesButTheOneH2Needs() throws IOException {
    Set<String> h2 = migrations("h2");
    Set<String> postgresql = migrations("postgresql");

    assertThat(h2).contains(H2_ONLY, "V12__token_digests.sql");
    assertThat(postgresql).doesNotContain(H2_ONLY);
    Set<String> h2WithoutItsOwn = new TreeSet<>(h2);
    h2WithoutItsOwn.remove(H2_ONLY);
    assertThat(postgresql).isEqualTo(h2WithoutItsOwn);
  }

  private static Set<String> migrations(String engine) throws IOException {
    Resource[] files = new PathMatchingResourcePatternResolver()
        .getResources("classpath:db/migration/" + engine + "/*.sql");
    return Arrays.stream(files).map(Resource::getFilename).collect(Collectors.toCollection(TreeSet::new));
  }
}
