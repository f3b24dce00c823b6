package dev.gatehouse.security;

import dev.gatehouse.testing.OneFactorGatehouse;
import org.junit.jupiter.api.BeforeAll;

/** The Gatehouse most attack tests aim at, with {@link OAuthCalls} to reach it as a client would. */
abstract class OneFactorGatehouseTest extends OneFactorGatehouse {

  static OAuthCalls calls;

  @BeforeAll
  static void reachAsAClient() {
    calls = new OAuthCalls(gatehouse);
  }
}
