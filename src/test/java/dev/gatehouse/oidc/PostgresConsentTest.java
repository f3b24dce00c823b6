package dev.gatehouse.oidc;

import dev.gatehouse.testing.TemporaryPostgres;
import java.nio.file.Path;

/** Consent, and so the remembered-consent table, on a real PostgreSQL server. */
class PostgresConsentTest extends ConsentContract {

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
}
