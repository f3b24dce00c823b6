package dev.gatehouse.oidc;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.testing.TestGatehouse;
import dev.gatehouse.testing.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract that each storage engine runs: one Gatehouse for the whole class on that engine, with
 * the contract's clients, and its discovery document as a relying party reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineContract {

  TestStorage engine;
  String storageYaml;
  TestGatehouse gatehouse;
  OIDCProviderMetadata provider;

  /** The storage engine the contract runs on. */
  abstract TestStorage storage();

  /** The {@code clients} list of {@code identity_providers.oidc}. */
  abstract String clients();

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    engine = storage();
    storageYaml = engine.yaml(directory);
    gatehouse = TestGatehouse.start(directory, clients(), storageYaml);
    provider = OIDCProviderMetadata.resolve(new Issuer(gatehouse.baseUrl()));
  }

  @AfterAll
  void stop() {
    if (gatehouse != null) {
      gatehouse.close();
    }
    if (engine != null) {
      engine.close();
    }
  }
}
