package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestStorage;

/** Consent, and so the remembered-consent table, on a real PostgreSQL server. */
class PostgresConsentTest extends ConsentContract {

  @Override
  TestStorage storage() {
    return TestStorage.postgres();
  }
}
