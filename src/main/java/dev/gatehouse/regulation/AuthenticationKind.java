package dev.gatehouse.regulation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The factor an attempt tried to prove; stored in {@code authentication_log.kind}. */
public enum AuthenticationKind {
  PASSWORD,
  /** Signing in with a passkey alone, the user named by the credential. */
  PASSKEY,
  TOTP,
  /** A security key or passkey as the second factor. */
  WEBAUTHN;

  /** What a user proves first: a success clears the earlier failures of these only. */
  public static final Set<AuthenticationKind> FIRST_FACTORS = EnumSet.of(PASSWORD, PASSKEY);
  /** Something held: a success clears every earlier failure. */
  public static final Set<AuthenticationKind> SECOND_FACTORS = EnumSet.of(TOTP, WEBAUTHN);

  public boolean isFirstFactor() {
    return FIRST_FACTORS.contains(this);
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
