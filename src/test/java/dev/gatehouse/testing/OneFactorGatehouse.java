package dev.gatehouse.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One Gatehouse with the one_factor clients on H2 for a whole test class, as most tests need. */
public abstract class OneFactorGatehouse {

  @TempDir
  protected static Path directory;
  protected static TestGatehouse gatehouse;

  @BeforeAll
  static void startGatehouse() {
    gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS);
  }

  @AfterAll
  static void stopGatehouse() {
    gatehouse.close();
  }
}
