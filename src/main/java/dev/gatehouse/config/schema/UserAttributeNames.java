package dev.gatehouse.config.schema;

import java.util.List;

/**
 * The names of the user attributes every backend gives, as Authelia spells them: what a custom
 * claim's {@code attribute} may name besides the extra attributes, and what an extra attribute
 * may not be called.
 */
public final class UserAttributeNames {

  public static final List<String> STANDARD = List.of("username", "groups", "display_name", "email", "emails",
      "given_name", "middle_name", "family_name", "nickname", "profile", "picture", "website", "gender", "birthdate",
      "zoneinfo", "locale", "phone_number", "phone_extension", "street_address", "locality", "region", "postal_code",
      "country");

  private UserAttributeNames() {
  }
}
