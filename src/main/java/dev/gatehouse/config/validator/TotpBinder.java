package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.TotpConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code totp}, with Authelia's defaults and rules. Algorithms are stored upper-case
 * ({@code SHA1}, {@code SHA256}, {@code SHA512}) whatever case the file uses, as Authelia stores
 * them and as otpauth URIs and its {@code totp_configurations} table write them. Each
 * {@code allowed_*} list always includes the chosen default, appended when missing.
 */
final class TotpBinder {

  private static final List<String> ALGORITHMS = List.of("SHA1", "SHA256", "SHA512");
  private static final int MINIMUM_PERIOD = 15;
  private static final int MINIMUM_SECRET_SIZE = 20;

  private TotpBinder() {
  }

  static TotpConfig bind(ConfigNode totp) {
    boolean disable = totp.child("disable").bool(false);
    String issuer = totp.child("issuer").string("Authelia");

    ConfigNode algorithmNode = totp.child("algorithm");
    String algorithm = algorithmNode.string("SHA1").toUpperCase(Locale.ROOT);
    if (!ALGORITHMS.contains(algorithm)) {
      algorithmNode.error("must be one of " + ConfigNode.joinOr(ALGORITHMS)
          + " but it's configured as '" + algorithm + "'");
    }
    ConfigNode allowedAlgorithmsNode = totp.child("allowed_algorithms");
    List<String> allowedAlgorithms = new ArrayList<>();
    for (String allowed : allowedAlgorithmsNode.strings(List.of())) {
      String upper = allowed.toUpperCase(Locale.ROOT);
      if (!ALGORITHMS.contains(upper)) {
        allowedAlgorithmsNode.error("must only have the values " + ConfigNode.joinOr(ALGORITHMS)
            + " but one of the values is '" + upper + "'");
      }
      allowedAlgorithms.add(upper);
    }

    ConfigNode digitsNode = totp.child("digits");
    int digits = nonZeroOr(digitsNode.integer(0), 6);
    if (digits != 6 && digits != 8) {
      digitsNode.error("must be 6 or 8 but it's configured as '" + digits + "'");
    }
    ConfigNode allowedDigitsNode = totp.child("allowed_digits");
    List<Integer> allowedDigits = new ArrayList<>(allowedDigitsNode.integers(List.of()));
    for (int allowed : allowedDigits) {
      if (allowed != 6 && allowed != 8) {
        allowedDigitsNode.error("must only have the values 6 or 8 but one of the values is '"
            + allowed + "'");
      }
    }

    ConfigNode periodNode = totp.child("period");
    int period = nonZeroOr(periodNode.integer(0), 30);
    if (period < MINIMUM_PERIOD) {
      periodNode.error("must be 15 or more but it's configured as '" + period + "'");
    }
    ConfigNode allowedPeriodsNode = totp.child("allowed_periods");
    List<Integer> allowedPeriods = new ArrayList<>(allowedPeriodsNode.integers(List.of()));
    for (int allowed : allowedPeriods) {
      if (allowed < MINIMUM_PERIOD) {
        allowedPeriodsNode.error("must only have values of 15 or more but one of the values is '"
            + allowed + "'");
      }
    }

    ConfigNode skewNode = totp.child("skew");
    int skew = skewNode.integer(1);
    if (skew < 0) {
      skewNode.error("must be 0 or more but it's configured as '" + skew + "'");
    }
    ConfigNode secretSizeNode = totp.child("secret_size");
    int secretSize = nonZeroOr(secretSizeNode.integer(0), 32);
    if (secretSize < MINIMUM_SECRET_SIZE) {
      secretSizeNode.error("must be 20 or higher but it's configured as '" + secretSize + "'");
    }
    boolean disableReuse = totp.child("disable_reuse_security_policy").bool(false);

    return new TotpConfig(disable, issuer, algorithm, digits, period, skew, secretSize,
        including(allowedAlgorithms, algorithm), including(allowedDigits, digits),
        including(allowedPeriods, period), disableReuse);
  }

  private static int nonZeroOr(int value, int fallback) {
    return value == 0 ? fallback : value;
  }

  private static <T> List<T> including(List<T> values, T value) {
    List<T> all = new ArrayList<>(values);
    if (!all.contains(value)) {
      all.add(value);
    }
    return List.copyOf(all);
  }
}
