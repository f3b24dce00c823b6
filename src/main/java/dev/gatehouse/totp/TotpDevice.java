package dev.gatehouse.totp;

import java.time.Instant;

/** A user's enrolled TOTP device. */
public record TotpDevice(String username, String issuer, TotpParameters parameters, byte[] secret,
    Instant createdAt, Instant lastUsedAt) {
}
