package dev.gatehouse.storage;

import java.time.Instant;
import java.util.UUID;

/** A row of webauthn_credential: a security key or passkey of one user for one party (RP ID). */
public record WebAuthnCredentialRow(String id, String username, String rpId, String credentialId, String description,
    byte[] publicKey, long signCount, boolean cloneWarning, UUID aaguid, String attestationFormat, String attachment,
    boolean discoverable, boolean backupEligible, boolean backupState, Instant createdAt, Instant lastUsedAt) {
}
