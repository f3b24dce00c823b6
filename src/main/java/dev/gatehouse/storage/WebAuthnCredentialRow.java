package dev.gatehouse.storage;

import dev.gatehouse.config.schema.WebAuthnConfig;
import java.time.Instant;
import java.util.UUID;

/** A row of webauthn_credential: a security key or passkey of one user for one party (RP ID). */
public record WebAuthnCredentialRow(String id, String username, String rpId, String credentialId, String description,
    byte[] publicKey, long signCount, boolean cloneWarning, UUID aaguid, String attestationFormat, String attachment,
    boolean discoverable, boolean backupEligible, boolean backupState, Instant createdAt, Instant lastUsedAt) {

  /** The size of the description column. */
  public static final int MAX_DESCRIPTION = 64;

  /** A name a user can give a credential: 1 to {@link #MAX_DESCRIPTION} characters, none a control character. */
  public static boolean isValidDescription(String description) {
    return !description.isEmpty() && description.length() <= MAX_DESCRIPTION
        && description.codePoints().noneMatch(Character::isISOControl);
  }

  /** A security key apart from the device ({@code amr} {@code hwk}), as the browser reported its attachment. */
  public boolean hardware() {
    return WebAuthnConfig.Attachment.CROSS_PLATFORM.configured().equals(attachment);
  }
}
