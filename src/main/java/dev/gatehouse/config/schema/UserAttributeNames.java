package dev.gatehouse.config.schema;

import java.util.List;

/**
 * The names of the user attributes every backend gives, as Authelia spells them: what a custom
 * claim's {@code attribute} may name besides the extra attributes, and what an extra attribute
 * may not be called; and the few values only a claim needs.
 */
public final class UserAttributeNames {

  public static final List<String> STANDARD = List.of("username", "groups", "display_name", "email", "emails",
      "given_name", "middle_name", "family_name", "nickname", "profile", "picture", "website", "gender", "birthdate",
      "zoneinfo", "locale", "phone_number", "phone_extension", "street_address", "locality", "region", "postal_code",
      "country");

  /** {@code true} when the user has an address: Authelia vouches for the addresses its admin sets. */
  public static final String EMAIL_VERIFIED = "email_verified";
  /** {@code false} when the user has a number: Authelia never claims a phone number was verified. */
  public static final String PHONE_NUMBER_VERIFIED = "phone_number_verified";
  /** {@code +1 555 0100;ext=123}, as Authelia formats the number with its extension. */
  public static final String PHONE_NUMBER_RFC3966 = "phone_number_rfc3966";
  /** The postal address as OpenID Connect's address claim. */
  public static final String ADDRESS = "address";

  private UserAttributeNames() {
  }
}
