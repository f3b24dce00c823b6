package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.ServerConfig.Bucket;
import dev.gatehouse.config.schema.ServerConfig.RateLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code server.endpoints.rate_limits} for the OpenID Connect endpoints, as Authelia reads it. */
class RateLimitsTest {

  @Test
  void everyEndpointHasAutheliasBucketsByDefault() {
    RateLimits limits = load(MINIMAL).configuration().server().rateLimits();
    List<Bucket> defaults = List.of(new Bucket(Duration.ofMinutes(1), 30), new Bucket(Duration.ofMinutes(2), 40),
        new Bucket(Duration.ofMinutes(10), 50), new Bucket(Duration.ofHours(1), 100));
    for (var limit : List.of(limits.token(), limits.userinfo(), limits.introspection(), limits.revocation())) {
      assertThat(limit.enable()).isTrue();
      assertThat(limit.buckets()).isEqualTo(defaults);
    }
  }

  @Test
  void anEndpointCanBeSwitchedOffOrGivenItsOwnBuckets() {
    var result = load(MINIMAL + """
        server:
          endpoints:
            rate_limits:
              openid_connect_token:
                enable: false
              openid_connect_introspection:
                buckets:
                  - period: '30 seconds'
                    requests: 500
        """);
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    RateLimits limits = result.configuration().server().rateLimits();
    assertThat(limits.token().enable()).isFalse();
    assertThat(limits.introspection().buckets()).containsExactly(new Bucket(Duration.ofSeconds(30), 500));
  }

  @Test
  void aBucketNeedsAPeriodOfTenSecondsAndARequest() {
    var result = load(MINIMAL + """
        server:
          endpoints:
            rate_limits:
              openid_connect_userinfo:
                buckets:
                  - period: '5s'
                    requests: 0
                  - requests: 10
        """);
    assertThat(result.errors()).containsExactly(
        "server.endpoints.rate_limits.openid_connect_userinfo.buckets[0].period: has a value of '5s' but it must"
            + " be at least 10 seconds",
        "server.endpoints.rate_limits.openid_connect_userinfo.buckets[0].requests: has a value of '0' but it must"
            + " be at least 1",
        "server.endpoints.rate_limits.openid_connect_userinfo.buckets[1].period: must have a value");
  }

  @Test
  void pushedAuthorizationRequestsAreNotServedSoTheirLimitIsWarnedAbout() {
    var result = load(MINIMAL + """
        server:
          endpoints:
            rate_limits:
              openid_connect_pushed_authorization_request:
                enable: false
        """);
    assertThat(result.warnings()).singleElement().asString()
        .startsWith("server.endpoints.rate_limits.openid_connect_pushed_authorization_request");
  }
}
