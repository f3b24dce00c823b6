package dev.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

  @TempDir
  Path dir;

  @Test
  void readsEveryAttributeAsWritten() {
    UsersFileResult result = UsersFile.load(Path.of("src/test/resources/identity/users-all-attributes.yml"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.users()).containsOnlyKeys("john", "jane", "retired");
    User john = result.users().get("john");
    assertThat(john).usingRecursiveComparison().ignoringFields("password").isEqualTo(new User(
        "john", "John Doe", john.password(), "john.doe@example.com", List.of("admins", "dev"), false,
        "John", "Jacob", "Doe", "JJ", "https://example.com/john", "https://example.com/john.png",
        "https://john.example.com", "male", "1990-01-31", "Europe/Paris", "en-US", "+1 (555) 555-1234", "1234",
        new Address("10 Downing Street", "London", "Greater London", "01234", "GB"), Map.of()));
    assertThat(john.password().matches("password")).isTrue();
  }

  @Test
  void leavesAbsentAttributesNullAndGroupsEmpty() {
    User jane = UsersFile.load(Path.of("src/test/resources/identity/users-all-attributes.yml")).users().get("jane");

    assertThat(jane).usingRecursiveComparison().ignoringFields("password").isEqualTo(new User(
        "jane", "Jane Roe", jane.password(), null, List.of(), false, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, Map.of()));
    assertThat(UsersFile.load(Path.of("src/test/resources/identity/users-all-attributes.yml")).users()
        .get("retired").disabled()).isTrue();
  }

  @Test
  void sharesAttributesThroughAnchorsAndMergeKeys() throws IOException {
    Path file = write("""
        users:
          john: &staff
            password: '$plaintext$x'
            displayname: 'John'
            groups: &staffGroups ['staff']
          jane:
            <<: *staff
            displayname: 'Jane'
            email: 'jane@example.com'
        """);

    UsersFileResult result = UsersFile.load(file);

    assertThat(result.problems()).isEmpty();
    assertThat(result.users().get("jane").displayName()).isEqualTo("Jane");
    assertThat(result.users().get("jane").groups()).containsExactly("staff");
    assertThat(result.users().get("jane").password().matches("x")).isTrue();
    assertThat(result.users().get("john").email()).isNull();
  }

  @Test
  void acceptsButWarnsAboutUnknownAttributesAsAutheliaIgnoresThem() throws IOException {
    Path file = write("""
        users:
          john:
            password: '$plaintext$x'
            displayname: 'John'
            disable: true
            address:
              street: 'Main Street'
        """);

    UsersFileResult result = UsersFile.load(file);

    assertThat(result.isValid()).isTrue();
    assertThat(result.users().get("john").disabled()).isFalse();
    assertThat(result.warnings()).containsExactly(
        file + ": users.john.address.street: unknown attribute, ignored (line 7)",
        file + ": users.john.disable: unknown attribute, ignored (line 5)");
  }

  @Test
  void acceptsAFileWithoutUsersButWarns() throws IOException {
    Path file = write("users: {}\n");

    UsersFileResult result = UsersFile.load(file);

    assertThat(result.isValid()).isTrue();
    assertThat(result.users()).isEmpty();
    assertThat(result.warnings())
        .containsExactly(file + ": users: no users are defined, so nobody can log in (line 1)");
  }

  @Test
  void reportsAnEmptyFileAsAutheliaDoes() throws IOException {
    assertProblems("", "%s: no file content");
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("missing.yml");

    assertThat(UsersFile.load(missing).problems()).containsExactly(missing + ": does not exist");
  }

  @Test
  void reportsAFileThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("users.yml");
    Files.write(file, new byte[] {'u', 's', 'e', 'r', 's', ':', ' ', (byte) 0xff});

    assertThat(UsersFile.load(file).problems()).containsExactly(file + ": is not UTF-8 text");
  }

  @Test
  void reportsYamlSyntaxErrorsWithLineAndColumn() throws IOException {
    assertProblems("""
        users:
          john:
            password: '$plaintext$x'
            displayname: John: Doe
        """, "%s: is not valid YAML: line 4, column 22: mapping values are not allowed here");
  }

  @Test
  void reportsAUsernameWrittenTwice() throws IOException {
    assertProblems("""
        users:
          john: {password: '$plaintext$x', displayname: 'John'}
          john: {password: '$plaintext$y', displayname: 'Other John'}
        """, "%s: is not valid YAML: line 3, column 3: found duplicate key john");
  }

  @Test
  void requiresTheUsersKeyAndRefusesUnknownTopLevelKeys() throws IOException {
    assertProblems("""
        user:
          john: {password: '$plaintext$x', displayname: 'John'}
        """,
        "%s: users: is required",
        "%s: user: unknown key; users.yml has only 'users' at the top level (line 1)");
  }

  @Test
  void requiresAMappingAtTheTop() throws IOException {
    assertProblems("# only a comment\n", "%s: must be a mapping with a 'users' key");
    assertProblems("- john\n", "%s: must be a mapping with a 'users' key");
  }

  @Test
  void requiresPasswordAndDisplayName() throws IOException {
    assertProblems("""
        users:
          john:
            email: 'john@example.com'
          jane:
            password: ''
            displayname: ~
          nobody:
        """,
        "%s: users.john.password: is required (line 3)",
        "%s: users.john.displayname: is required (line 3)",
        "%s: users.jane.password: is required (line 5)",
        "%s: users.jane.displayname: is required (line 6)",
        "%s: users.nobody: has no attributes; password and displayname are required (line 7)");
  }

  @Test
  void reportsAMalformedDigestAtLoadTime() throws IOException {
    Path file = write("""
        users:
          john:
            displayname: 'John'
            password: '$argon2id$v=19$m=65536,t=3,p=4$not-base64'
        """);

    assertThat(UsersFile.load(file).problems()).singleElement().asString()
        .startsWith(file + ": users.john.password: ")
        .endsWith(" (line 4)");
  }

  @Test
  void refusesABarePasswordInsteadOfADigest() throws IOException {
    Path file = write("""
        users:
          john:
            displayname: 'John'
            password: 'insecure_password'
        """);

    assertThat(UsersFile.load(file).problems()).singleElement().asString()
        .startsWith(file + ": users.john.password: ")
        .endsWith(" (line 4)")
        .doesNotContain("insecure_password");
  }

  @Test
  void reportsValuesOfTheWrongType() throws IOException {
    assertProblems("""
        users:
          john:
            password: '$plaintext$x'
            displayname: ['John']
            email:
              primary: 'john@example.com'
            groups: 'admins'
            disabled: 'yes please'
            address: '10 Downing Street'
          jane:
            password: '$plaintext$x'
            displayname: 'Jane'
            groups:
              - 'dev'
              - ['nested']
              -
        """,
        "%s: users.john.displayname: must be a string, found a list (line 4)",
        "%s: users.john.email: must be a string, found a mapping (line 6)",
        "%s: users.john.groups: must be a list of strings, found a single value (line 7)",
        "%s: users.john.disabled: must be true or false (line 8)",
        "%s: users.john.address: must be a mapping, found a single value (line 9)",
        "%s: users.jane.groups[1]: must be a non-empty string, found a list (line 15)",
        "%s: users.jane.groups[2]: must be a non-empty string, found nothing (line 16)");
  }

  @Test
  void reportsAnInvalidLocaleAndNonHttpUrls() throws IOException {
    assertProblems("""
        users:
          john:
            password: '$plaintext$x'
            displayname: 'John'
            locale: 'english please'
            website: 'ftp://example.com'
            picture: '/john.png'
        """,
        "%s: users.john.picture: '/john.png' is not an absolute http or https URL (line 7)",
        "%s: users.john.website: 'ftp://example.com' is not an absolute http or https URL (line 6)",
        "%s: users.john.locale: 'english please' is not a BCP 47 language tag such as 'en' or 'en-US' (line 5)");
  }

  private void assertProblems(String content, String... expected) throws IOException {
    Path file = write(content);
    UsersFileResult result = UsersFile.load(file);

    assertThat(result.isValid()).isFalse();
    assertThat(result.users()).isEmpty();
    assertThat(result.problems()).containsExactly(
        java.util.Arrays.stream(expected).map(line -> line.formatted(file)).toArray(String[]::new));
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("users.yml"), content);
  }
}
