package dev.gatehouse.webauthn;

/**
 * What is kept of a registered credential to check its assertions: its id, its COSE public key
 * (never a private value) and the last signature counter it reported.
 */
public record StoredCredential(byte[] id, byte[] publicKey, long signCount) {
}
