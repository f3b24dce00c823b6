package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which arguments reach the command line, and how it answers a wrong one: one line, exit status 2. */
class AdminCommandsTest {

  @Test
  void aFirstArgumentThatIsNotAFlagIsACommandAndServerFlagsStartTheServer() {
    assertThat(AdminCommands.isCommand(new String[] {"crypto", "rand"})).isTrue();
    assertThat(AdminCommands.isCommand(new String[] {"--help"})).isTrue();
    assertThat(AdminCommands.isCommand(new String[] {"--config", "config/configuration.yml"})).isFalse();
    assertThat(AdminCommands.isCommand(new String[] {"-c=a.yml"})).isFalse();
    assertThat(AdminCommands.isCommand(new String[] {})).isFalse();
  }

  @Test
  void helpListsTheCommandsAndHowToStartTheServer() {
    CommandRun run = CommandRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("gatehouse [-c <file>]...", "crypto", "config");
  }

  @Test
  void anUnknownCommandIsOneLineWithASuggestionAndWhereToFindTheUsage() {
    CommandRun run = CommandRun.of("crypt", "rand");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "gatehouse: unknown command 'crypt' (did you mean 'crypto'?); see 'gatehouse --help'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownFlagIsOneLineNamingTheFlagButNotItsValue() {
    CommandRun run = CommandRun.of("crypto", "hash", "validate", "--pasword=hunter2", "--", "$plaintext$x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("unknown flag '--pasword'", "'gatehouse crypto hash validate --help'")
        .doesNotContain("hunter2");
  }

  @Test
  void aStrayArgumentIsNotRepeatedSinceItMayBeAPassword() {
    CommandRun run = CommandRun.of("crypto", "rand", "hunter2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("unexpected argument").doesNotContain("hunter2");
  }

  @Test
  void aGroupWithoutItsCommandNamesTheCommandsItHas() {
    CommandRun run = CommandRun.of("crypto");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "gatehouse: 'gatehouse crypto' needs a command: hash, rand, pair; see 'gatehouse crypto --help'");
  }
}
