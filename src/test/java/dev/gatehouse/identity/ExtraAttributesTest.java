package dev.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.schema.ExtraAttribute.ValueType;
import dev.gatehouse.config.schema.ExtraAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's {@code extra} attributes, checked against {@code extra_attributes} as Authelia checks them. */
class ExtraAttributesTest {

  private static final Map<String, ExtraAttribute> DEFINED = Map.of(
      "department", new ExtraAttribute(false, ValueType.STRING),
      "badge", new ExtraAttribute(false, ValueType.INTEGER),
      "contractor", new ExtraAttribute(false, ValueType.BOOLEAN),
      "projects", new ExtraAttribute(true, ValueType.STRING));

  @TempDir
  Path directory;

  @Test
  void typedValuesAreKeptAsTheirTypes() throws IOException {
    UsersFileResult result = UsersFile.load(write("""
        extra:
          department: 'Research'
          badge: 1234
          contractor: false
          projects: ['apollo', 'gemini']
        """), DEFINED);

    assertThat(result.problems()).isEmpty();
    assertThat(result.users().get("john").extra()).isEqualTo(Map.of("department", "Research", "badge", 1234L,
        "contractor", false, "projects", List.of("apollo", "gemini")));
  }

  @Test
  void anUndefinedOrMistypedAttributeIsAProblemNamingTheUserAndTheAttribute() throws IOException {
    Path file = write("""
        extra:
          shoe_size: 42
          badge: 'twelve'
          projects: 'apollo'
          department: ['a', 'b']
        """);

    UsersFileResult result = UsersFile.load(file, DEFINED);

    String prefix = file + ": users.john.extra.";
    String about = "error occurred validating extra attributes for user 'john': attribute ";
    assertThat(result.problems()).containsExactly(
        prefix + "shoe_size: " + about + "'shoe_size' is unknown; define it under"
            + " authentication_backend.file.extra_attributes (line 6)",
        prefix + "badge: " + about + "'badge' has the type 'string' but 'integer' is the expected type (line 7)",
        prefix + "projects: " + about + "'projects' has the type 'string' but '[]string' is the expected type (line 8)",
        prefix + "department: " + about + "'department' has the type 'list' but 'string' is the expected type"
            + " (line 9)");
  }

  /** users.yml with one user, john, whose attributes end with {@code extra}. */
  private Path write(String extra) throws IOException {
    return Files.writeString(directory.resolve("users.yml"), """
        users:
          john:
            password: '$plaintext$x'
            displayname: 'John'
        """ + extra.indent(4));
  }
}
