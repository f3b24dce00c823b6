package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code crypto hash generate pbkdf2|argon2}: Authelia's output lines, and digests Gatehouse accepts. */
class HashGenerateCommandTest {

  /** The floor, to keep the tests fast; the default is tested once. */
  private static final String FAST = "100000";

  @Test
  void randomClientSecretAsInAutheliasOidcFaqPrintsThePasswordAndAMatchingDigest() {
    CommandRun run = CommandRun.of("crypto", "hash", "generate", "pbkdf2", "--variant", "sha512", "--random",
        "--random.length", "72", "--random.charset", "rfc3986");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(2);
    String password = run.valueOf("Random Password");
    assertThat(password).hasSize(72).matches("[A-Za-z0-9._~-]+");
    String digest = run.valueOf("Digest");
    assertThat(digest).startsWith("$pbkdf2-sha512$310000$");
    assertThat(PasswordDigests.parse(digest).matches(password)).isTrue();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aRandomPasswordThatNeedsEncodingAlsoComesUrlEncoded() {
    CommandRun run = CommandRun.of("crypto", "hash", "generate", "pbkdf2", "-i", FAST, "--random",
        "--random.characters", "a/b+");

    String password = run.valueOf("Random Password");
    String encoded = run.valueOf("Random Password (URL Encoded)");
    assertThat(encoded).isEqualTo(password.replace("/", "%2F").replace("+", "%2B"));
    assertThat(run.outLines()).hasSize(3).last().asString().startsWith("Digest: $pbkdf2-sha512$100000$");
  }

  @Test
  void aGivenPasswordPrintsOnlyTheDigest() {
    CommandRun run = CommandRun.of("crypto", "hash", "generate", "pbkdf2", "-v", "sha256", "-i", FAST, "-s", "8",
        "--password", "insecure_secret");

    assertThat(run.outLines()).hasSize(1);
    assertThat(run.out()).doesNotContain("insecure_secret");
    PasswordDigest digest = PasswordDigests.parse(run.valueOf("Digest"));
    assertThat(digest.encoded()).startsWith("$pbkdf2-sha256$100000$");
    assertThat(digest.matches("insecure_secret")).isTrue();
  }

  @Test
  void withoutAConsoleThePasswordIsTheFirstLineOfStandardInput() {
    CommandRun run = CommandRun.withInput("insecure_password\nignored\n", Map.of(),
        "crypto", "hash", "generate", "argon2", "-v", "argon2i", "-i", "1", "-m", "1024", "-p", "2", "-k", "16");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(1);
    PasswordDigest digest = PasswordDigests.parse(run.valueOf("Digest"));
    assertThat(digest.encoded()).startsWith("$argon2i$v=19$m=1024,t=1,p=2$");
    assertThat(digest.matches("insecure_password")).isTrue();
  }

  @Test
  void argon2DefaultsToAutheliasParameters() {
    CommandRun run = CommandRun.of("crypto", "hash", "generate", "argon2", "--password", "pw");

    assertThat(run.valueOf("Digest")).startsWith("$argon2id$v=19$m=65536,t=3,p=4$");
  }

  @Test
  void noPasswordOnStandardInputFailsWithoutADigest() {
    CommandRun run = CommandRun.of("crypto", "hash", "generate", "pbkdf2", "-i", FAST);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("gatehouse: no password provided");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void weakOrContradictoryFlagsAreUsageErrorsBeforeAnyPasswordIsRead() {
    CommandRun tooFewIterations = CommandRun.withInput("pw\n", Map.of(),
        "crypto", "hash", "generate", "pbkdf2", "-i", "1000");
    CommandRun both = CommandRun.of("crypto", "hash", "generate", "pbkdf2", "--password", "hunter2", "--random");
    CommandRun badVariant = CommandRun.of("crypto", "hash", "generate", "pbkdf2", "-v", "md5", "--random");

    assertThat(tooFewIterations.exitCode()).isEqualTo(2);
    assertThat(tooFewIterations.errLines()).singleElement().asString()
        .contains("iterations must be at least 100000 but is 1000");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.errLines()).singleElement().asString()
        .contains("--password and --random cannot be used together").doesNotContain("hunter2");
    assertThat(badVariant.exitCode()).isEqualTo(2);
    assertThat(badVariant.errLines()).singleElement().asString().contains("--variant", "md5");
  }
}
