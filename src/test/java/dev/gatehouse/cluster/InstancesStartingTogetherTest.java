package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.testing.GatehouseProcess;
import dev.gatehouse.testing.TemporaryPostgres;
import dev.gatehouse.testing.TestGatehouse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Gatehouse processes started at the same moment on one empty PostgreSQL database, as a
 * deployment with two replicas does: the migrations run once (Flyway's lock) and both end with the
 * same generated signing key, so a token signed by one verifies against the other's JWKS.
 */
class InstancesStartingTogetherTest {

  @TempDir
  Path directory;

  @Test
  void bothStartMigrateOnceAndPublishTheSameGeneratedKey() throws Exception {
    try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
      List<GatehouseProcess> instances = new ArrayList<>();
      ExecutorService starting = Executors.newFixedThreadPool(2);
      try {
        List<Future<GatehouseProcess>> started = new ArrayList<>();
        for (String name : List.of("a", "b")) {
          Path instance = Files.createDirectories(directory.resolve(name));
          int port = TestGatehouse.freePort();
          Path configuration = TestGatehouse.writeConfiguration(instance, port, TestGatehouse.ONE_FACTOR_CLIENTS,
              postgres.storageYaml(), TestGatehouse.filesystemNotifier(instance), TestGatehouse.USERS_YML);
          started.add(starting.submit(() -> GatehouseProcess.start(port, configuration)));
        }
        for (Future<GatehouseProcess> instance : started) {
          instances.add(instance.get());
        }

        List<JWK> first = JWKSet.load(URI.create(instances.get(0).baseUrl() + "/jwks.json").toURL()).getKeys();
        List<JWK> second = JWKSet.load(URI.create(instances.get(1).baseUrl() + "/jwks.json").toURL()).getKeys();
        assertThat(first).hasSize(1);
        assertThat(second).extracting(JWK::getKeyID).containsExactly(first.get(0).getKeyID());
        JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
        assertThat(jdbc.queryForObject("select count(*) from oidc_signing_key", Integer.class)).isOne();
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success group by version"
            + " having count(*) > 1")).as("each migration applied once").isEmpty();
      } finally {
        starting.shutdownNow();
        instances.forEach(GatehouseProcess::close);
      }
    }
  }
}
