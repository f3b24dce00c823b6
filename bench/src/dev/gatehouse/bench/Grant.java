package dev.gatehouse.bench;

/** The tokens of one token response. */
record Grant(String accessToken, String refreshToken) {
}
