package dev.gatehouse.config.schema;

import java.util.List;

/** {@code totp}: RFC 6238 settings for new enrolments, and what existing ones may use. */
public record TotpConfig(
    boolean disable,
    String issuer,
    String algorithm,
    int digits,
    int period,
    int skew,
    int secretSize,
    List<String> allowedAlgorithms,
    List<Integer> allowedDigits,
    List<Integer> allowedPeriods,
    boolean disableReuseSecurityPolicy) {
}
