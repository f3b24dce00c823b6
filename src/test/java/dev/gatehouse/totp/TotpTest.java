package dev.gatehouse.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

  // RFC 6238 Appendix B: one seed per algorithm, each the ASCII digits repeated to the HMAC's natural key size.
  private static final byte[] SEED_SHA1 = ascii("12345678901234567890");
  private static final byte[] SEED_SHA256 = ascii("12345678901234567890123456789012");
  private static final byte[] SEED_SHA512 =
      ascii("1234567890123456789012345678901234567890123456789012345678901234");

  private static final TotpParameters SHA1_6 = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_015L);

  @ParameterizedTest(name = "{1} at {0}s -> {2}")
  @CsvSource({
      "59, SHA1, 94287082",
      "59, SHA256, 46119246",
      "59, SHA512, 90693936",
      "1111111109, SHA1, 07081804",
      "1111111109, SHA256, 68084774",
      "1111111109, SHA512, 25091201",
      "1111111111, SHA1, 14050471",
      "1111111111, SHA256, 67062674",
      "1111111111, SHA512, 99943326",
      "1234567890, SHA1, 89005924",
      "1234567890, SHA256, 91819424",
      "1234567890, SHA512, 93441116",
      "2000000000, SHA1, 69279037",
      "2000000000, SHA256, 90698825",
      "2000000000, SHA512, 38618901",
      "20000000000, SHA1, 65353130",
      "20000000000, SHA256, 77737706",
      "20000000000, SHA512, 47863826",
  })
  void rfc6238AppendixB(long unixSeconds, TotpAlgorithm algorithm, String expected) {
    byte[] seed = seedFor(algorithm);
    TotpParameters eightDigits = new TotpParameters(algorithm, 8, 30);
    Instant time = Instant.ofEpochSecond(unixSeconds);
    long step = eightDigits.stepAt(time);

    assertThat(step).isEqualTo(unixSeconds / 30);
    assertThat(Totp.code(seed, step, eightDigits)).isEqualTo(expected);
    assertThat(Totp.matchingStep(seed, expected, time, 0, eightDigits)).hasValue(step);
    // Six digits are the same truncated value modulo 10^6, i.e. the last six of the eight.
    assertThat(Totp.code(seed, step, new TotpParameters(algorithm, 6, 30))).isEqualTo(expected.substring(2));
  }

  @ParameterizedTest(name = "counter {0} -> {1}")
  @CsvSource({
      "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
      "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489",
  })
  void sixDigitsMatchRfc4226AppendixD(long counter, String expected) {
    // TOTP is HOTP with the time step as counter, so the HOTP vectors check 6-digit truncation independently.
    assertThat(Totp.code(SEED_SHA1, counter, SHA1_6)).isEqualTo(expected);
  }

  @Test
  void keepsLeadingZeros() {
    // RFC 6238 vector "07081804": a short number must still give a full-length code.
    assertThat(Totp.code(SEED_SHA1, 1111111109L / 30, new TotpParameters(TotpAlgorithm.SHA1, 8, 30)))
        .hasSize(8)
        .startsWith("0");
  }

  @Test
  void skewOneAcceptsTheNeighbouringStepsAndReportsWhichOne() {
    long step = SHA1_6.stepAt(NOW);

    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step - 1), NOW, 1, SHA1_6)).hasValue(step - 1);
    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step), NOW, 1, SHA1_6)).hasValue(step);
    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step + 1), NOW, 1, SHA1_6)).hasValue(step + 1);
    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step - 2), NOW, 1, SHA1_6)).isEmpty();
    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step + 2), NOW, 1, SHA1_6)).isEmpty();
  }

  @Test
  void skewZeroAcceptsOnlyTheCurrentStep() {
    long step = SHA1_6.stepAt(NOW);

    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step), NOW, 0, SHA1_6)).hasValue(step);
    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step - 1), NOW, 0, SHA1_6)).isEmpty();
    assertThat(Totp.matchingStep(SEED_SHA1, codeAt(step + 1), NOW, 0, SHA1_6)).isEmpty();
  }

  @Test
  void theStepChangesExactlyAtThePeriodBoundary() {
    Instant lastSecond = Instant.ofEpochSecond(1_700_000_009L);
    Instant firstSecond = lastSecond.plusSeconds(1);

    assertThat(SHA1_6.stepAt(firstSecond)).isEqualTo(SHA1_6.stepAt(lastSecond) + 1);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"12345", "1234567", "12345a", " 12345", "123 456", "１２３４５６", "٠١٢٣٤٥", "-12345"})
  void malformedCodesNeverMatch(String code) {
    assertThat(Totp.matchingStep(SEED_SHA1, code, NOW, 1, SHA1_6)).isEmpty();
  }

  @Test
  void anEightDigitCodeDoesNotMatchASixDigitEnrolment() {
    long step = SHA1_6.stepAt(NOW);
    String eight = Totp.code(SEED_SHA1, step, new TotpParameters(TotpAlgorithm.SHA1, 8, 30));

    assertThat(Totp.matchingStep(SEED_SHA1, eight, NOW, 1, SHA1_6)).isEmpty();
  }

  @Test
  void aWrongSecretDoesNotMatch() {
    String code = codeAt(SHA1_6.stepAt(NOW));

    assertThat(Totp.matchingStep(SEED_SHA256, code, NOW, 1, SHA1_6)).isEmpty();
  }

  @Test
  void refusesANegativeSkew() {
    assertThatThrownBy(() -> Totp.matchingStep(SEED_SHA1, "123456", NOW, -1, SHA1_6))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parametersAcceptOnlySixOrEightDigitsAndAPositivePeriod() {
    assertThatThrownBy(() -> new TotpParameters(TotpAlgorithm.SHA1, 7, 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TotpParameters(TotpAlgorithm.SHA1, 6, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TotpParameters(null, 6, 30)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void algorithmNamesAreReadInEitherCase() {
    assertThat(TotpAlgorithm.parse("sha256")).isEqualTo(TotpAlgorithm.SHA256);
    assertThat(TotpAlgorithm.parse("SHA512")).isEqualTo(TotpAlgorithm.SHA512);
    assertThat(TotpAlgorithm.SHA1).hasToString("sha1");
    assertThatThrownBy(() -> TotpAlgorithm.parse("md5")).hasMessageContaining("md5");
  }

  private static String codeAt(long step) {
    return Totp.code(SEED_SHA1, step, SHA1_6);
  }

  private static byte[] seedFor(TotpAlgorithm algorithm) {
    return switch (algorithm) {
      case SHA1 -> SEED_SHA1;
      case SHA256 -> SEED_SHA256;
      case SHA512 -> SEED_SHA512;
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
