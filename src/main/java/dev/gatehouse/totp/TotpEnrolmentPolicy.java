package dev.gatehouse.totp;

import dev.gatehouse.config.schema.TotpConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code totp} in the configuration says about enrolments: the parameters and secret size of a new one, and which
 * parameters a user may choose or keep. As in Authelia's validator, the defaults are always among the allowed values.
 */
public final class TotpEnrolmentPolicy {

  private final String issuer;
  private final int secretSize;
  private final TotpParameters defaults;
  private final Set<TotpAlgorithm> allowedAlgorithms;
  private final SortedSet<Integer> allowedDigits;
  private final SortedSet<Integer> allowedPeriods;

  /** @throws IllegalArgumentException for an unknown algorithm name or an unsupported default */
  public TotpEnrolmentPolicy(TotpConfig config) {
    this.issuer = config.issuer();
    this.secretSize = config.secretSize();
    this.defaults = new TotpParameters(TotpAlgorithm.parse(config.algorithm()), config.digits(), config.period());

    this.allowedAlgorithms = EnumSet.of(defaults.algorithm());
    orEmpty(config.allowedAlgorithms()).forEach(name -> allowedAlgorithms.add(TotpAlgorithm.parse(name)));
    this.allowedDigits = union(config.allowedDigits(), defaults.digits());
    this.allowedPeriods = union(config.allowedPeriods(), defaults.period());
  }

  /** The {@code issuer} of new enrolments' otpauth URIs (stored with each enrolment, like its parameters). */
  public String issuer() {
    return issuer;
  }

  /** The parameters of a new enrolment when the user chooses none. */
  public TotpParameters defaults() {
    return defaults;
  }

  /** A fresh random secret of {@code totp.secret_size} bytes. */
  public byte[] newSecret() {
    return TotpSecrets.generate(secretSize);
  }

  /** Whether a user may register, or keep using, these parameters ({@code allowed_*} plus the defaults). */
  public boolean allows(TotpParameters parameters) {
    return allowedAlgorithms.contains(parameters.algorithm())
        && allowedDigits.contains(parameters.digits())
        && allowedPeriods.contains(parameters.period());
  }

  /** In declaration order (SHA1, SHA256, SHA512), for the registration options. */
  public List<TotpAlgorithm> allowedAlgorithms() {
    return List.copyOf(allowedAlgorithms);
  }

  /** Ascending, for the registration options. */
  public List<Integer> allowedDigits() {
    return List.copyOf(allowedDigits);
  }

  /** Ascending, for the registration options. */
  public List<Integer> allowedPeriods() {
    return List.copyOf(allowedPeriods);
  }

  private static SortedSet<Integer> union(List<Integer> configured, int defaultValue) {
    SortedSet<Integer> values = new TreeSet<>(orEmpty(configured));
    values.add(defaultValue);
    return values;
  }

  /** An omitted {@code allowed_*} key means "only the default". */
  private static <T> Collection<T> orEmpty(List<T> list) {
    return list == null ? Collections.emptyList() : list;
  }
}
