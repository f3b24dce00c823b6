package dev.gatehouse.storage;

/** A row of user_opaque_identifier: the {@code sub} a user is given for a service and sector. */
public record OpaqueIdentifierRow(String identifier, String service, String sectorId, String username) {
}
