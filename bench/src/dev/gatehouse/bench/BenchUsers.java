package dev.gatehouse.bench;

import java.util.List;
import java.util.stream.IntStream;

/** The users both providers know: the same names, password and argon2id digest. */
final class BenchUsers {

  static final String PASSWORD = "insecure_password";
  /**
   * config/users.yml's example digest of {@value #PASSWORD}: argon2id with Authelia's defaults
   * (64 MiB, 3 passes, 4 lanes), so each password check costs what it costs in production.
   */
  static final String PASSWORD_DIGEST =
      "$argon2id$v=19$m=65536,t=3,p=4$NnY3a1Q0aGxITTV2Z3lLOQ$4lgllD/kNgOiKk+5RcuU3DLPbxRJo0MAE3kYL+tLKzs";

  private BenchUsers() {
  }

  static List<Account> accounts(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(n -> new Account(String.format("user%03d", n), PASSWORD, null)).toList();
  }

  static String email(Account account) {
    return account.username() + "@bench.example.com";
  }

  static String displayName(Account account) {
    return "Bench User " + account.username().substring(4);
  }
}
