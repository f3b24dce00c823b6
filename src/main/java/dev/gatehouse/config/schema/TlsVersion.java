package dev.gatehouse.config.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS versions Authelia's {@code tls} sections accept (schema.NewTLSVersion), oldest first. A
 * value is read upper-cased with spaces removed, so {@code TLS1.2}, {@code tls 1.2} and {@code 1.2}
 * are one version. SSL 3.0 is parsed only to be refused as a minimum, as Authelia does.
 */
public enum TlsVersion {
  SSL_3_0("SSLv3", "SSLv3", "SSL3.0", "SSLV3"),
  TLS_1_0("TLSv1", "TLS 1.0", "TLS1.0", "1.0"),
  TLS_1_1("TLSv1.1", "TLS 1.1", "TLS1.1", "1.1"),
  TLS_1_2("TLSv1.2", "TLS 1.2", "TLS1.2", "1.2"),
  TLS_1_3("TLSv1.3", "TLS 1.3", "TLS1.3", "1.3");

  private final String jdkName;
  private final String goName;
  private final String[] spellings;

  TlsVersion(String jdkName, String goName, String... spellings) {
    this.jdkName = jdkName;
    this.goName = goName;
    this.spellings = spellings;
  }

  public static Optional<TlsVersion> parse(String text) {
    String normalized = text.toUpperCase(Locale.ROOT).replace(" ", "");
    return Arrays.stream(values())
        .filter(version -> Arrays.asList(version.spellings).contains(normalized))
        .findFirst();
  }

  /** The JDK's protocol name, e.g. {@code TLSv1.2}. */
  public String jdkName() {
    return jdkName;
  }

  /** Go's tls.VersionName, which Authelia's messages print, e.g. {@code TLS 1.2}. */
  public String goName() {
    return goName;
  }
}
