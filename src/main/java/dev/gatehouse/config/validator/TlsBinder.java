package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.SessionConfig;
import dev.gatehouse.config.schema.TlsVersion;

/**
 * A {@code tls} section as Authelia's ValidateTLSConfig reads it: {@code server_name} defaults to
 * the host connected to, versions default to TLS1.2 to TLS1.3, SSL3.0 is refused as a minimum and
 * the minimum may not exceed the maximum (Authelia reports only the first of those two).
 *
 * <p>{@code certificate_chain} and {@code private_key} (a client certificate) are not read, so
 * {@code KeyChecker} warns that they are not supported yet and ignored.
 */
final class TlsBinder {

  private static final TlsVersion MINIMUM = TlsVersion.TLS_1_2;
  private static final TlsVersion MAXIMUM = TlsVersion.TLS_1_3;

  private TlsBinder() {
  }

  static SessionConfig.Tls bind(ConfigNode tls, String host) {
    String serverName = tls.child("server_name").string(host);
    boolean skipVerify = tls.child("skip_verify").bool(false);
    ConfigNode minimumNode = tls.child("minimum_version");
    TlsVersion minimum = version(minimumNode, MINIMUM);
    TlsVersion maximum = version(tls.child("maximum_version"), MAXIMUM);
    if (minimum == TlsVersion.SSL_3_0) {
      minimumNode.error("is invalid: minimum version is TLS1.0 but SSL3.0 was configured");
    } else if (minimum.compareTo(maximum) > 0) {
      tls.error("option combination of 'minimum_version' and 'maximum_version' is invalid: minimum"
          + " version " + minimum.goName() + " is greater than the maximum version " + maximum.goName());
    }
    return new SessionConfig.Tls(serverName, skipVerify, minimum, maximum);
  }

  /**
   * Authelia fails to decode an unknown name ("supplied tls version isn't supported"); reported
   * here as the other readers report a value of the wrong type.
   */
  private static TlsVersion version(ConfigNode node, TlsVersion defaultVersion) {
    String text = node.string();
    if (text == null) {
      return defaultVersion;
    }
    return TlsVersion.parse(text).orElseGet(() -> {
      node.error("expected a TLS version such as 'TLS1.2' or 'TLS1.3' but got '" + text
          + "': supplied tls version isn't supported");
      return defaultVersion;
    });
  }
}
