package dev.gatehouse.bench;

/** A provider answered something other than what the scenario expects; counted as an error. */
final class UnexpectedResponse extends RuntimeException {

  UnexpectedResponse(String message) {
    super(message);
  }
}
