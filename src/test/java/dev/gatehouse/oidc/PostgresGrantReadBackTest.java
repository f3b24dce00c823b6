package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestStorage;

/** Grants read back from PostgreSQL, where no process keeps them in memory. */
class PostgresGrantReadBackTest extends GrantReadBackContract {

  @Override
  TestStorage storage() {
    return TestStorage.postgres();
  }
}
