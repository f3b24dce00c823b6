package dev.gatehouse.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The users.yml written when the configured file does not exist, as Authelia does: a valid file with one
 * disabled example user, readable by the owner only because it holds password digests.
 */
final class UsersFileTemplate {

  /** The example user's password is random and was thrown away: it cannot be enabled as it is. */
  static final String CONTENT = """
      ---
      # Gatehouse users database (Authelia's file authentication backend format).
      # Generated because the configured users file did not exist.
      #
      # Each user needs 'password' (a crypt digest, never the password itself) and 'displayname'.
      # Make an argon2id digest with Authelia's default parameters, e.g. with Debian's argon2 package:
      #   echo -n 'the password' | argon2 "$(head -c 12 /dev/urandom | base64)" -id -t 3 -k 65536 -p 4 -l 32 -e
      # ('authelia crypto hash generate argon2' makes the same kind of digest.)
      # Optional: email, groups, disabled, given_name, middle_name, family_name, nickname, gender,
      # birthdate, website, profile, picture, zoneinfo, locale, phone_number, phone_extension, address.

      users:
        example:
          disabled: true
          displayname: 'Example User'
          # A digest of a random password nobody knows: replace it before enabling this user.
          password: '$argon2id$v=19$m=65536,t=3,p=4$aHl4cVNNZzlJbU5UNW9r$qOj5RS0Dse6FkIy+JTnFMGk8Rg/4U+aB41AshG84pDs'
          email: 'example@example.com'
          groups:
            - 'admins'
      """;

  private UsersFileTemplate() {
  }

  /** Fails if the file appeared meanwhile: an existing users file is never overwritten. */
  static void writeTo(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, CONTENT);
    } else {
      Files.writeString(file, CONTENT, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
  }
}
