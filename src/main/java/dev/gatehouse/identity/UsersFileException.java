package dev.gatehouse.identity;

import java.util.List;

/** users.yml cannot be used at startup; the message has one problem per line. */
public class UsersFileException extends RuntimeException {

  private final List<String> problems;

  public UsersFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
