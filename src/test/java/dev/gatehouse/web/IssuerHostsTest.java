package dev.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.SessionConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuerHostsTest {

  private static final IssuerHosts CONFIGURED = hosts(
      new SessionConfig.Cookie("example.com", "https://auth.example.com", null),
      new SessionConfig.Cookie("example.org", "https://login.example.org:8443/", null));

  @ParameterizedTest(name = "{0}://{1}:{2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      https | auth.example.com   | 443  | true
      https | AUTH.Example.COM   | 443  | true
      https | login.example.org  | 8443 | true
      https | login.example.org  | 443  | false
      http  | auth.example.com   | 80   | false
      http  | auth.example.com   | 443  | false
      https | auth.example.com.  | 443  | false
      https | evil.example       | 443  | false
      https | example.com        | 443  | false
      https | auth.example.com   | 8443 | false
      http  | localhost          | 9091 | true
      http  | 127.0.0.1          | 9091 | true
      http  | 127.1.2.3          | 80   | true
      http  | [::1]              | 9091 | true
      http  | 0:0:0:0:0:0:0:1    | 9091 | true
      http  | 127.0.0.256        | 80   | false
      http  | localhost.evil.com | 80   | false
      http  | 10.0.0.1           | 9091 | false
      """)
  void onlyTheConfiguredAddressesAndLoopbackAreAnswered(String scheme, String host, int port, boolean allowed) {
    assertThat(CONFIGURED.allows(new IssuerHosts.Origin(scheme, host, port))).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"https, evil.example, 443", "http, 10.0.0.1, 9091"})
  void withoutCookiesEveryAddressIsAnswered(String scheme, String host, int port) {
    IssuerHosts none = hosts();
    assertThat(none.restricts()).isFalse();
    assertThat(none.allows(new IssuerHosts.Origin(scheme, host, port))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"https, auth.example.com, 443, https://auth.example.com", "http, ::1, 9091, http://[::1]:9091",
      "https, login.example.org, 8443, https://login.example.org:8443"})
  void anOriginReadsAsItsUrl(String scheme, String host, int port, String url) {
    assertThat(new IssuerHosts.Origin(scheme, host, port)).hasToString(url);
  }

  private static IssuerHosts hosts(SessionConfig.Cookie... cookies) {
    return IssuerHosts.of(new SessionConfig(null, "authelia_session", "lax", Duration.ofMinutes(5),
        Duration.ofHours(1), Duration.ofDays(30), List.of(cookies), null));
  }
}
