package dev.gatehouse.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

  @Test
  void codesHaveEightCharactersFromTheAlphabetOnly() {
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String code = OneTimeCodes.generate();
      assertThat(code).hasSize(8).matches("[ABCDEFGHJKLMNPQRTUVWYXZ2346789]{8}");
      code.chars().forEach(c -> seen.add((char) c));
    }
    assertThat(seen).as("every character of the alphabet turns up in 16,000 draws").hasSize(30);
  }

  @Test
  void alphabetLeavesOutLookAlikes() {
    assertThat(OneTimeCodes.ALPHABET).hasSize(30).doesNotContain("I", "O", "S", "0", "1", "5");
  }

  @Test
  void normaliseTrimsUppercasesAndDropsSpacesAndDashes() {
    assertThat(OneTimeCodes.normalise("  abcd-ef 23\t")).isEqualTo("ABCDEF23");
    assertThat(OneTimeCodes.normalise(null)).isEmpty();
  }

  @Test
  void matchesTheIssuedCodeAsTyped() {
    assertThat(OneTimeCodes.matches("ABCD2346", " abcd-2346 ")).isTrue();
    assertThat(OneTimeCodes.matches("ABCD2346", "ABCD2347")).isFalse();
    assertThat(OneTimeCodes.matches("ABCD2346", "ABCD234")).isFalse();
    assertThat(OneTimeCodes.matches("", "")).isFalse();
    assertThat(OneTimeCodes.matches(null, null)).isFalse();
  }

  @Test
  void lifespansAreAutheliasDefaults() {
    assertThat(OneTimeCodes.CODE_LIFESPAN).hasMinutes(5);
    assertThat(OneTimeCodes.ELEVATION_LIFESPAN).hasMinutes(10);
  }
}
