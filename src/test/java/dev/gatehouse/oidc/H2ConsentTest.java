package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestStorage;

/** The contract on the default embedded H2 file storage. */
class H2ConsentTest extends ConsentContract {

  @Override
  TestStorage storage() {
    return TestStorage.h2();
  }
}
