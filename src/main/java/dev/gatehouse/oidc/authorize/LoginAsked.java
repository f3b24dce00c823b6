package dev.gatehouse.oidc.authorize;

import dev.gatehouse.crypto.Sha256;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * That the gate sent the user to sign in for one authorization request, and when: a login proven
 * after that, when the same request comes back from the login pages, was done for it. The request
 * is known by a digest of its parameters, the same whether it came as a GET or a POST.
 */
record LoginAsked(String requestKey, Instant at) {

  static String keyOf(Map<String, String[]> parameters) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(parameters).forEach((name, values) -> {
      for (String value : values) {
        canonical.append(name.length()).append(':').append(name).append(value.length()).append(':').append(value);
      }
    });
    return Sha256.hexOf(canonical.toString());
  }

  /** When the user was sent to sign in for the request with this key, if the session says so. */
  static Instant forRequest(Object sessionValue, String requestKey) {
    return sessionValue instanceof LoginAsked asked && asked.requestKey().equals(requestKey) ? asked.at() : null;
  }
}
