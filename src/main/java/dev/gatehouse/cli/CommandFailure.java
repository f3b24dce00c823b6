package dev.gatehouse.cli;

/** A command could not do what was asked; the message is one line for the admin, with no secret in it. */
final class CommandFailure extends RuntimeException {

  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
