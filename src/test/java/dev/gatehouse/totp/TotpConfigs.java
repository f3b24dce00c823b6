package dev.gatehouse.totp;

import dev.gatehouse.config.schema.TotpConfig;
import java.util.List;

/** Authelia's documented {@code totp} defaults, and variations of them for tests. */
final class TotpConfigs {

  private TotpConfigs() {}

  static TotpConfig defaults() {
    return new TotpConfig(false, "Authelia", "sha1", 6, 30, 1, 32, List.of("sha1"), List.of(6), List.of(30), false);
  }

  static TotpConfig reuseAllowed() {
    TotpConfig d = defaults();
    return new TotpConfig(d.disable(), d.issuer(), d.algorithm(), d.digits(), d.period(), d.skew(), d.secretSize(),
        d.allowedAlgorithms(), d.allowedDigits(), d.allowedPeriods(), true);
  }
}
