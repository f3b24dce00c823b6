package dev.gatehouse.storage;

import java.time.Instant;

/** A user's TOTP device: its parameters as enrolled and its encrypted secret. */
public record TotpConfigurationRow(String username, String issuer, String algorithm, int digits, int period,
    String encryptedSecret, Instant createdAt) {
}
