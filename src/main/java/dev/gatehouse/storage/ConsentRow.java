package dev.gatehouse.storage;

import java.time.Instant;

/** A user's remembered consent to a client: the scopes approved, valid until it expires. */
public record ConsentRow(String registeredClientId, String principalName, String scopes, Instant grantedAt,
    Instant expiresAt) {
}
