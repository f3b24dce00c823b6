package dev.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileDirectoryTest {

  static final String JOHN = """
      users:
        john: {password: '$plaintext$password', displayname: 'John Doe'}
        retired: {password: '$plaintext$password', displayname: 'Retired', disabled: true}
      """;

  static final String JOHN_AND_JANE = """
      users:
        john: {password: '$plaintext$password', displayname: 'John Doe'}
        jane: {password: '$plaintext$password', displayname: 'Jane Roe'}
      """;

  @TempDir
  Path dir;

  @Test
  void findsEnabledUsersByExactUsername() throws IOException {
    UsersFileDirectory directory = UsersFileDirectory.open(write(JOHN));

    assertThat(directory.find("john")).get().extracting(User::displayName).isEqualTo("John Doe");
    assertThat(directory.find("John")).isEmpty();
    assertThat(directory.find("nobody")).isEmpty();
    assertThat(directory.find(null)).isEmpty();
  }

  @Test
  void doesNotFindADisabledUser() throws IOException {
    assertThat(UsersFileDirectory.open(write(JOHN)).find("retired")).isEmpty();
  }

  @Test
  void generatesATemplateForAMissingFileAndStillFailsStartup() throws IOException {
    Path file = dir.resolve("users.yml");

    UsersFileException error = catchThrowableOfType(UsersFileException.class, () -> UsersFileDirectory.open(file));

    assertThat(error.problems()).containsExactly("user authentication database file doesn't exist at path '" + file
        + "' and has been generated: add your users to it (its example user is disabled) and start Gatehouse again");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    UsersFileResult template = UsersFile.load(file);
    assertThat(template.problems()).isEmpty();
    assertThat(template.users()).containsOnlyKeys("example");
    assertThat(template.users().get("example").disabled()).isTrue();
    assertThat(UsersFileDirectory.open(file).find("example")).isEmpty();
  }

  @Test
  void failsStartupOnABrokenFileWithEveryProblem() throws IOException {
    Path file = write("users:\n  john: {email: 'john@example.com'}\n");

    UsersFileException error = catchThrowableOfType(UsersFileException.class, () -> UsersFileDirectory.open(file));

    assertThat(error.problems()).containsExactly(
        file + ": users.john.password: is required (line 2)",
        file + ": users.john.displayname: is required (line 2)");
    assertThat(error).hasMessage(String.join("\n", error.problems()));
  }

  @Test
  void reloadSwapsInTheNewUsers() throws IOException {
    UsersFileDirectory directory = UsersFileDirectory.open(write(JOHN));
    write(JOHN_AND_JANE);

    assertThat(directory.reload()).isEmpty();

    assertThat(directory.find("jane")).isPresent();
    assertThat(directory.find("retired")).isEmpty();
  }

  @Test
  void reloadOfABrokenFileKeepsTheUsersLoadedBefore() throws IOException {
    UsersFileDirectory directory = UsersFileDirectory.open(write(JOHN));
    Path file = write(JOHN_AND_JANE.replace("displayname: 'Jane Roe'", "displayname: ['Jane']"));

    assertThat(directory.reload())
        .containsExactly(file + ": users.jane.displayname: must be a string, found a list (line 3)");

    assertThat(directory.find("john")).isPresent();
    assertThat(directory.find("jane")).isEmpty();
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("users.yml"), content);
  }
}
