package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code crypto hash validate}: one line, exit status 0 on a match and 1 otherwise. */
class HashValidateCommandTest {

  private static final String SEED_DIGEST = "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$"
      + "JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";

  @Test
  void theSeedSecretMatchesTheSeedDigest() {
    CommandRun run = CommandRun.of("crypto", "hash", "validate", "--password", "insecure_secret", "--", SEED_DIGEST);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("The password matches the digest.");
  }

  @Test
  void anotherPasswordDoesNotMatch() {
    CommandRun run = CommandRun.of("crypto", "hash", "validate", "--password", "wrong_secret", "--", SEED_DIGEST);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).containsExactly("The password does not match the digest.");
  }

  @Test
  void withoutAConsoleThePasswordIsReadFromStandardInput() {
    CommandRun run = CommandRun.withInput("insecure_secret\n", Map.of(), "crypto", "hash", "validate", "--",
        SEED_DIGEST);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("The password matches the digest.");
  }

  @Test
  void aMalformedDigestIsAUsageError() {
    CommandRun run = CommandRun.of("crypto", "hash", "validate", "--password", "x", "--", "$pbkdf2-sha512$1$");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith("gatehouse: the digest is malformed: ");
  }
}
