package dev.gatehouse.security;

import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gatehouse most attack tests aim at: one_factor clients on H2, started once per test
 * class, with {@link OAuthCalls} to reach it as a client would.
 */
abstract class OneFactorGatehouseTest {

  @TempDir
  static Path directory;
  static TestGatehouse gatehouse;
  static OAuthCalls calls;

  @BeforeAll
  static void start() {
    gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS);
    calls = new OAuthCalls(gatehouse);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }
}
