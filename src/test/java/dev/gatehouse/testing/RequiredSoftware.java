package dev.gatehouse.testing;

import org.junit.jupiter.api.Assumptions;

/** What a test does when software it runs (a server, a browser) is not installed on this machine. */
public final class RequiredSoftware {

  private RequiredSoftware() {
  }

  /** Skips the test with the message, except under CI, where missing software is a failure: CI must run it. */
  public static void skipOrFail(String message) {
    if (System.getenv("CI") != null) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }
}
