package dev.gatehouse.storage;

import java.time.Instant;

/** A user's TOTP device: its parameters as enrolled, its encrypted secret, and its last use (null: none yet). */
public record TotpConfigurationRow(String username, String issuer, String algorithm, int digits, int period,
    String encryptedSecret, Instant createdAt, Instant lastUsedAt) {
}
