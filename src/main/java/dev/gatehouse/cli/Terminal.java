package dev.gatehouse.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command talks to: standard input and output, the console for typing a password without
 * echo (null when input or output is redirected), and the environment, which can override the
 * configuration. Tests pass their own.
 */
public record Terminal(InputStream in, PrintWriter out, PrintWriter err, Console console,
    Map<String, String> environment) {

  public static Terminal system() {
    return new Terminal(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        System.console(), System.getenv());
  }
}
