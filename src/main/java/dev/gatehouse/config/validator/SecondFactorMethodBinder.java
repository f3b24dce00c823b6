package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.ConfiguredName;
import dev.gatehouse.config.schema.SecondFactorMethod;
import dev.gatehouse.config.schema.TotpConfig;
import dev.gatehouse.config.schema.WebAuthnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code default_2fa_method}, checked as Authelia checks it: one of its three methods, and one that
 * is enabled. Duo's {@code mobile_push} is never enabled here, Gatehouse having no Duo.
 */
final class SecondFactorMethodBinder {

  private static final String DUO = "mobile_push";
  private static final List<String> AUTHELIA_METHODS = Stream.concat(
      ConfiguredName.names(SecondFactorMethod.class).stream(), Stream.of(DUO)).toList();

  private SecondFactorMethodBinder() {
  }

  static SecondFactorMethod bind(ConfigNode method, TotpConfig totp, WebAuthnConfig webAuthn) {
    String configured = method.choice(null, AUTHELIA_METHODS);
    if (configured == null) {
      return null;
    }
    List<String> enabled = new ArrayList<>();
    if (!totp.disable()) {
      enabled.add(SecondFactorMethod.TOTP.configured());
    }
    if (!webAuthn.disable()) {
      enabled.add(SecondFactorMethod.WEBAUTHN.configured());
    }
    if (!enabled.contains(configured)) {
      method.error("must be one of the enabled options " + ConfigNode.joinOr(enabled) + " but it's configured as '"
          + configured + "'" + (configured.equals(DUO) ? "; Duo is not supported by Gatehouse" : ""));
      return null;
    }
    return ConfiguredName.of(SecondFactorMethod.class, configured).orElseThrow();
  }
}
