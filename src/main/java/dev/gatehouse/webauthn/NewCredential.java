package dev.gatehouse.webauthn;

import java.util.UUID;

/**
 * A credential whose registration passed its checks, as it is to be stored.
 *
 * @param aaguid the authenticator's model, all zeros when it does not say
 * @param attestationFormat {@code none}, {@code packed}, …
 * @param userVerified whether the authenticator verified the user (PIN, biometrics) at registration
 * @param backupEligible whether the credential may be synced to other devices (a synced passkey)
 */
public record NewCredential(byte[] id, byte[] publicKey, long signCount, UUID aaguid, String attestationFormat,
    boolean userVerified, boolean backupEligible, boolean backupState) {

  public StoredCredential stored() {
    return new StoredCredential(id, publicKey, signCount);
  }
}
