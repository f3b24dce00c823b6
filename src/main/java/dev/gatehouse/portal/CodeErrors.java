package dev.gatehouse.portal;

/** What the portal tells a user whose code was refused. */
final class CodeErrors {

  private CodeErrors() {
  }

  static String describe(String error) {
    if (error == null) {
      return null;
    }
    return switch (error) {
      case "replayed" -> "This code was already used. Wait for the next code and enter that one.";
      case "mail" -> "The code could not be sent. Try again in a moment.";
      default -> "That code is not right, or it has expired. Try again.";
    };
  }
}
