package dev.gatehouse.regulation;

import java.util.Locale;

/** The factor an attempt tried to prove; stored in {@code authentication_log.kind}. */
public enum AuthenticationKind {
  PASSWORD,
  TOTP;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
