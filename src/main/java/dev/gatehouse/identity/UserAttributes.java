package dev.gatehouse.identity;

import dev.gatehouse.config.schema.UserAttributeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's attributes by the names Authelia gives them ({@link UserAttributeNames}: {@code
 * display_name}, {@code groups}, an extra attribute's own name...), which claims are drawn from. A
 * value the user does not have is null.
 *
 * <p>Lists and maps are mutable {@link ArrayList}s and {@link HashMap}s because Spring Security's
 * Jackson allow-list, which serialises stored claims, refuses the JDK's immutable collections.
 */
public final class UserAttributes {

  private UserAttributes() {
  }

  public static Object valueOf(User user, String attribute) {
    Address address = user.address();
    return switch (attribute) {
      case "username" -> user.username();
      case "display_name" -> user.displayName();
      case "email" -> user.email();
      case "emails" -> user.email() == null ? null : new ArrayList<>(List.of(user.email()));
      case "groups" -> user.groups().isEmpty() ? null : new ArrayList<>(user.groups());
      case "given_name" -> user.givenName();
      case "middle_name" -> user.middleName();
      case "family_name" -> user.familyName();
      case "nickname" -> user.nickname();
      case "profile" -> user.profile();
      case "picture" -> user.picture();
      case "website" -> user.website();
      case "gender" -> user.gender();
      case "birthdate" -> user.birthdate();
      case "zoneinfo" -> user.zoneinfo();
      case "locale" -> user.locale();
      case "phone_number" -> user.phoneNumber();
      case "phone_extension" -> user.phoneExtension();
      case "street_address" -> address == null ? null : address.streetAddress();
      case "locality" -> address == null ? null : address.locality();
      case "region" -> address == null ? null : address.region();
      case "postal_code" -> address == null ? null : address.postalCode();
      case "country" -> address == null ? null : address.country();
      case UserAttributeNames.EMAIL_VERIFIED -> user.email() == null ? null : Boolean.TRUE;
      case UserAttributeNames.PHONE_NUMBER_VERIFIED -> user.phoneNumber() == null ? null : Boolean.FALSE;
      case UserAttributeNames.PHONE_NUMBER_RFC3966 -> phoneNumber(user);
      case UserAttributeNames.ADDRESS -> address == null ? null : address(address);
      default -> extra(user.extra().get(attribute));
    };
  }

  private static String phoneNumber(User user) {
    if (user.phoneNumber() == null) {
      return null;
    }
    return user.phoneExtension() == null ? user.phoneNumber() : user.phoneNumber() + ";ext=" + user.phoneExtension();
  }

  private static Map<String, Object> address(Address address) {
    Map<String, Object> parts = new HashMap<>();
    putIfPresent(parts, "street_address", address.streetAddress());
    putIfPresent(parts, "locality", address.locality());
    putIfPresent(parts, "region", address.region());
    putIfPresent(parts, "postal_code", address.postalCode());
    putIfPresent(parts, "country", address.country());
    return parts.isEmpty() ? null : parts;
  }

  private static Object extra(Object value) {
    return value instanceof List<?> values ? new ArrayList<>(values) : value;
  }

  private static void putIfPresent(Map<String, Object> parts, String name, String value) {
    if (value != null && !value.isEmpty()) {
      parts.put(name, value);
    }
  }
}
