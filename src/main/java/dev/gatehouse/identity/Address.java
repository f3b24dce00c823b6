package dev.gatehouse.identity;

/**
 * A user's postal address from users.yml ({@code address:}), the source of the OIDC {@code address} claim.
 * Every part may be null.
 */
public record Address(String streetAddress, String locality, String region, String postalCode, String country) {
}
