package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code crypto rand}: {@code Random Value: …} of the asked length and characters. */
class RandCommandTest {

  @Test
  void defaultsToSeventyTwoAlphanumericCharacters() {
    CommandRun run = CommandRun.of("crypto", "rand");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.valueOf("Random Value")).matches("[A-Za-z0-9]{72}");
  }

  @Test
  void lengthAndCharsetAsAsked() {
    assertThat(CommandRun.of("crypto", "rand", "--length", "64", "--charset", "rfc3986").valueOf("Random Value"))
        .matches("[A-Za-z0-9._~-]{64}");
    assertThat(CommandRun.of("crypto", "rand", "-n", "40", "-x", "numeric-hex").valueOf("Random Value"))
        .matches("[0-9a-f]{40}");
    assertThat(CommandRun.of("crypto", "rand", "-n", "5", "--characters", "xy").valueOf("Random Value"))
        .matches("[xy]{5}");
  }

  @Test
  void twoValuesDiffer() {
    assertThat(CommandRun.of("crypto", "rand").valueOf("Random Value"))
        .isNotEqualTo(CommandRun.of("crypto", "rand").valueOf("Random Value"));
  }

  @Test
  void asciiValuesAlsoComeUrlEncoded() {
    CommandRun run = CommandRun.of("crypto", "rand", "-n", "200", "--charset", "ascii");

    String value = run.valueOf("Random Value");
    assertThat(value).hasSize(200).matches("[!-~]+");
    assertThat(run.valueOf("Random Value (URL Encoded)")).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})+")
        .isEqualTo(RandomValueLines.urlEncoded(value));
  }

  @Test
  void anUnknownCharsetOrAZeroLengthIsAUsageError() {
    CommandRun charset = CommandRun.of("crypto", "rand", "--charset", "emoji");
    CommandRun length = CommandRun.of("crypto", "rand", "--length", "0");

    assertThat(charset.exitCode()).isEqualTo(2);
    assertThat(charset.errLines()).singleElement().asString().contains("unknown charset 'emoji'", "rfc3986");
    assertThat(length.exitCode()).isEqualTo(2);
    assertThat(length.errLines()).singleElement().asString().contains("length must be at least 1");
  }
}
