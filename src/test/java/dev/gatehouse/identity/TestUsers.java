package dev.gatehouse.identity;

import dev.gatehouse.crypto.PasswordDigest;
import dev.gatehouse.crypto.PasswordDigests;
import java.util.List;
import java.util.Map;

/** Users built directly, for tests of what comes after parsing. */
public final class TestUsers {

  private TestUsers() {
  }

  public static User withEveryAttribute() {
    return new User("john", "John Doe", PasswordDigests.parse("$plaintext$password"), "john@example.com",
        List.of("admins", "dev"), false, "John", "Jacob", "Doe", "JJ", "https://example.com/john",
        "https://example.com/john.png", "https://john.example.com", "male", "1990-01-31", "Europe/Paris", "en-US",
        "+1 555 0100", "123", new Address("10 Downing Street", "London", "Greater London", "SW1A 2AA", "GB"),
        Map.of());
  }

  public static User withOnlyRequiredAttributes(String username, PasswordDigest password, boolean disabled) {
    return new User(username, "Display " + username, password, null, null, disabled, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }
}
