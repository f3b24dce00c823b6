package dev.gatehouse.storage;

import java.time.Instant;

/** A signing key Gatehouse generated for itself, kept so that restarts keep the same kid. */
public record SigningKeyRow(String keyId, String algorithm, String encryptedPrivateKey, Instant createdAt) {
}
