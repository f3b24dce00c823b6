package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.AuthorizationPolicy.Rule;
import dev.gatehouse.config.schema.AuthorizationPolicy.Subject;
import dev.gatehouse.config.schema.AuthorizationPolicy;
import dev.gatehouse.config.schema.Network;
import dev.gatehouse.config.schema.PolicyLevel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy decision: first matching rule, else the default; subjects OR of ANDs; networks. */
class AuthorizationPolicyTest {

  /**
   * Rules in order: john alone one_factor; admins AND dev two_factor; contractors deny; anyone on
   * 10.0.0.0/8 or fd00::/8 one_factor; contractors on 192.168.0.0/16 are already denied above.
   */
  private static final AuthorizationPolicy POLICY = new AuthorizationPolicy("staff", PolicyLevel.DENY, List.of(
      new Rule(PolicyLevel.ONE_FACTOR, List.of(List.of("user:john")), List.of()),
      new Rule(PolicyLevel.TWO_FACTOR, List.of(List.of("group:admins", "group:dev"), List.of("user:root")), List.of()),
      new Rule(PolicyLevel.DENY, List.of(List.of("group:contractors")), List.of()),
      new Rule(PolicyLevel.ONE_FACTOR, List.of(), List.of(network("10.0.0.0/8"), network("fd00::/8"))),
      new Rule(PolicyLevel.TWO_FACTOR, List.of(List.of("group:dev")), List.of(network("192.168.0.0/16")))));

  @ParameterizedTest(name = "{0}: {1} in [{2}] from {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      a user rule                        | john  | contractors  | 203.0.113.1 | ONE_FACTOR
      AND: both groups                   | ann   | admins dev   | 203.0.113.1 | TWO_FACTOR
      AND: one group is not enough       | ann   | admins       | 203.0.113.1 | DENY
      OR: the other inner list           | root  | ''           | 203.0.113.1 | TWO_FACTOR
      first match wins over a network    | carl  | contractors  | 10.1.2.3    | DENY
      a network rule                     | ann   | ''           | 10.1.2.3    | ONE_FACTOR
      an IPv6 network rule               | ann   | ''           | fd00::1     | ONE_FACTOR
      IPv4 is not in an IPv6 network     | ann   | ''           | 11.0.0.1    | DENY
      subject and network both needed    | ann   | dev          | 192.168.5.5 | TWO_FACTOR
      subject without its network        | ann   | dev          | 172.16.0.1  | DENY
      no address: network rules skipped  | ann   | dev          | -           | DENY
      the default                        | zoe   | ''           | 203.0.113.1 | DENY
      """)
  void decides(String situation, String username, String groups, String address, PolicyLevel expected) {
    Subject subject = new Subject(username, Arrays.stream(groups.split(" ")).filter(g -> !g.isEmpty()).toList(),
        "-".equals(address) ? null : Network.address(address).orElseThrow());
    assertThat(POLICY.levelFor(subject)).as(situation).isEqualTo(expected);
  }

  @Test
  void aLevelNamedByTheClientAppliesToEveryone() {
    assertThat(AuthorizationPolicy.of(PolicyLevel.ONE_FACTOR).levelFor(new Subject("x", List.of(), null)))
        .isEqualTo(PolicyLevel.ONE_FACTOR);
  }

  @Test
  void networksParseOnlyIpLiteralsWithValidPrefixes() {
    assertThat(Network.parse("192.168.1.10")).map(Network::prefixLength).hasValue(32);
    assertThat(Network.parse("10.0.0.0/33")).isEmpty();
    assertThat(Network.parse("example.com")).isEmpty();
    assertThat(Network.parse("10.0.0/8")).isEmpty();
    assertThat(Network.parse("::1")).map(Network::prefixLength).hasValue(128);
    assertThat(network("10.128.0.0/9").contains(Network.address("10.200.0.1").orElseThrow())).isTrue();
    assertThat(network("10.128.0.0/9").contains(Network.address("10.100.0.1").orElseThrow())).isFalse();
  }

  private static Network network(String text) {
    return Network.parse(text).orElseThrow();
  }
}
