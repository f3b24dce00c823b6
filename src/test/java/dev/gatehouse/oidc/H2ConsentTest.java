package dev.gatehouse.oidc;

import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;

/** Consent on the default embedded H2 file storage. */
class H2ConsentTest extends ConsentContract {

  @Override
  String storageYaml(Path directory) {
    return TestGatehouse.storageLocal(directory);
  }
}
