package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;

/** The code flow on the default embedded H2 file storage. */
class H2CodeFlowTest extends CodeFlowContract {

  @Override
  String storageYaml(Path directory) {
    return TestGatehouse.storageLocal(directory);
  }
}
