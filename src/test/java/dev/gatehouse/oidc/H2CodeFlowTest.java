package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestStorage;

/** The contract on the default embedded H2 file storage. */
class H2CodeFlowTest extends CodeFlowContract {

  @Override
  TestStorage storage() {
    return TestStorage.h2();
  }
}
