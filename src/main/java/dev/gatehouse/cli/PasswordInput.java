package dev.gatehouse.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A password the admin types: on the console without echo, with Authelia's prompts; or, when input
 * is piped, the first line of standard input, so that scripts can hash a password without putting
 * it on a command line.
 */
final class PasswordInput {

  private PasswordInput() {
  }

  /** With {@code confirm}, a console asks twice and refuses two different answers. */
  static String read(Terminal terminal, boolean confirm) {
    Console console = terminal.console();
    String password = console != null ? fromConsole(console, confirm) : firstLine(terminal);
    if (password.isEmpty()) {
      throw new CommandFailure("no password provided");
    }
    return password;
  }

  private static String fromConsole(Console console, boolean confirm) {
    String password = prompt(console, "Enter Password: ");
    if (confirm && !password.equals(prompt(console, "Confirm Password: "))) {
      throw new CommandFailure("the password did not match the confirmation password");
    }
    return password;
  }

  private static String prompt(Console console, String prompt) {
    char[] typed = console.readPassword(prompt);
    return typed == null ? "" : new String(typed);
  }

  private static String firstLine(Terminal terminal) {
    // Not closed: it wraps the process's standard input.
    BufferedReader reader = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
    try {
      String line = reader.readLine();
      return line == null ? "" : line;
    } catch (IOException e) {
      throw new CommandFailure("could not read the password from standard input: " + e.getMessage(), e);
    }
  }
}
