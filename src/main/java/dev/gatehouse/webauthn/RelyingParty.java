package dev.gatehouse.webauthn;

/**
 * Who a ceremony is for: the RP ID (the issuer's host, as Authelia takes it from the request) and
 * the one origin the browser may report, e.g. {@code https://auth.example.com}.
 */
public record RelyingParty(String id, String origin) {
}
