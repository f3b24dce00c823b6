package dev.gatehouse.bench;

/**
 * A worker has used up what was prepared for it before timing (authorization codes, TOTP steps),
 * so it stops; the scenario's rate is then measured over the time it did run.
 */
final class Exhausted extends RuntimeException {

  Exhausted(String what) {
    super(what + " used up", null, false, false);
  }
}
