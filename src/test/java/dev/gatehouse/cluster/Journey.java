package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.NodeRelyingParty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One LibreChat login walked by a person in Chromium through nginx: what the stand-in saw (its
 * summary, e2e/README.md) and the requests nginx passed to Gatehouse meanwhile.
 */
record Journey(String name, NodeRelyingParty.Result result, List<ProxiedRequest> requests, Duration took) {

  Map<String, Object> summary() {
    return result.summary();
  }

  /** The Gatehouse pages the person went through, in order (the seed client asks for consent every time). */
  List<String> steps() {
    return strings(summary().get("steps"));
  }

  /** Asserts that LibreChat got {@code email} in with both factors, and that logging out ended Gatehouse's session. */
  void assertLoggedInAndOut(String email) {
    assertThat(summary().get("email")).as("LibreChat's user: %s", this).isEqualTo(email);
    assertThat(strings(summary().get("amr"))).as("amr: %s", this).contains("pwd", "otp", "mfa");
    Map<?, ?> logout = (Map<?, ?>) summary().get("logout");
    assertThat(logout).as("logout: %s", this).isNotNull();
    assertThat(logout.get("session_ended")).as("Gatehouse's session ended: %s", this).isEqualTo(true);
    assertThat(strings(summary().get("errors"))).as("errors: %s", this).isEmpty();
    assertThat(result.exitCode()).as("exit code: %s", this).isZero();
  }

  /** The requests of the sign-in that only a shared session lets any instance answer. */
  List<ProxiedRequest> sessionRequests() {
    return requests.stream().filter(ProxiedRequest::reachedGatehouse).filter(ProxiedRequest::needsTheSession)
        .toList();
  }

  Set<String> instancesServingTheSession() {
    Set<String> instances = new TreeSet<>();
    sessionRequests().forEach(request -> instances.add(request.servedBy()));
    return instances;
  }

  /** Requests answered with a 5xx, by Gatehouse or by nginx for want of one. */
  List<ProxiedRequest> serverErrors() {
    return requests.stream().filter(request -> request.status() >= 500).toList();
  }

  /** The run's wall time and the time from its first request to Gatehouse to its last. */
  String timing() {
    List<ProxiedRequest> atGatehouse = requests.stream().filter(ProxiedRequest::reachedGatehouse).toList();
    long span = atGatehouse.isEmpty() ? 0
        : atGatehouse.get(atGatehouse.size() - 1).millis() - atGatehouse.get(0).millis();
    return String.format("journey %s: %.1f s in all, %.1f s from the first request to Gatehouse to the last"
        + " (%d requests)", name, took.toMillis() / 1e3, span / 1e3, atGatehouse.size());
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return (List<String>) list;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name).append('\n').append(result).append("\nrequests:\n");
    requests.forEach(request -> text.append("  ").append(request).append('\n'));
    return text.toString();
  }
}
