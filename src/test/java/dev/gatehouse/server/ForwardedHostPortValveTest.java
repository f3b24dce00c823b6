package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardedHostPortValveTest {

  @Test
  void findsThePortOfTheFirstHost() {
    assertThat(ForwardedHostPortValve.portOf("auth.example.com:8443")).isEqualTo("8443");
    assertThat(ForwardedHostPortValve.portOf("auth.example.com:8443, inner:9091")).isEqualTo("8443");
    assertThat(ForwardedHostPortValve.portOf("[::1]:9443")).isEqualTo("9443");
  }

  @Test
  void findsNoneWhereThereIsNone() {
    assertThat(ForwardedHostPortValve.portOf("auth.example.com")).isNull();
    assertThat(ForwardedHostPortValve.portOf("[::1]")).isNull();
    assertThat(ForwardedHostPortValve.portOf("auth.example.com:")).isNull();
    assertThat(ForwardedHostPortValve.portOf("auth.example.com:84x3")).isNull();
    assertThat(ForwardedHostPortValve.portOf("auth.example.com:9999999")).isNull();
  }
}
