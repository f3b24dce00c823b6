package dev.gatehouse.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A confidential client as its relying party knows it: it authenticates with client_secret_basic. */
record Client(String id, String secret, URI redirectUri, String scope) {

  /** The header of RFC 6749 section 2.3.1: both parts form-encoded, then base64. */
  String basicAuthorization() {
    String pair = encode(id) + ":" + encode(secret);
    return "Authorization: Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
