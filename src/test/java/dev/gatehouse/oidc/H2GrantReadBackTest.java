package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestStorage;

/** Grants read back from the embedded H2 file after a restart emptied the grant cache. */
class H2GrantReadBackTest extends GrantReadBackContract {

  @Override
  TestStorage storage() {
    return TestStorage.h2();
  }
}
