package dev.gatehouse.identity;

import dev.gatehouse.config.schema.ExtraAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the file authentication backend. Lookups read an immutable snapshot without locking; a
 * reload builds a new snapshot and swaps it in whole, or, when the file is broken, keeps the old one.
 */
public final class UsersFileDirectory implements UserDirectory {

  private static final Logger log = LoggerFactory.getLogger(UsersFileDirectory.class);

  private final Path file;
  private final Map<String, ExtraAttribute> extraAttributes;
  private final AtomicReference<UserSnapshot> current;
  private final PasswordCheck passwords;

  UsersFileDirectory(Path file, Map<String, ExtraAttribute> extraAttributes, UserSnapshot users) {
    this.file = file;
    this.extraAttributes = extraAttributes;
    this.current = new AtomicReference<>(users);
    this.passwords = new PasswordCheck(current::get);
  }

  /**
   * Loads users.yml at startup. As Authelia does, a missing file is replaced by a template with a disabled
   * example user and startup still fails, so that the admin fills it in first.
   *
   * @throws UsersFileException when the file was missing or is broken, with one problem per line
   */
  public static UsersFileDirectory open(Path file) {
    return open(file, Map.of());
  }

  /** As {@link #open(Path)}, with the types of the users' {@code extra} attributes. */
  public static UsersFileDirectory open(Path file, Map<String, ExtraAttribute> extraAttributes) {
    if (Files.notExists(file)) {
      throw new UsersFileException(List.of(generateTemplate(file)));
    }
    UsersFileResult result = UsersFile.load(file, extraAttributes);
    result.warnings().forEach(log::warn);
    if (!result.isValid()) {
      throw new UsersFileException(result.problems());
    }
    log.info("Loaded {} users from {}", result.users().size(), file);
    return new UsersFileDirectory(file, extraAttributes, UserSnapshot.of(result.users()));
  }

  private static String generateTemplate(Path file) {
    String missing = "user authentication database file doesn't exist at path '" + file + "'";
    try {
      UsersFileTemplate.writeTo(file);
      return missing + " and has been generated: add your users to it (its example user is disabled)"
          + " and start Gatehouse again";
    } catch (IOException e) {
      return missing + " and could not be generated: " + e;
    }
  }

  public Path file() {
    return file;
  }

  /** The enabled user with exactly this username; a disabled user is not found, as in Authelia. */
  @Override
  public Optional<User> find(String username) {
    return username == null ? Optional.empty() : current.get().enabledUser(username);
  }

  @Override
  public Optional<User> authenticate(String username, String password) {
    return passwords.authenticate(username, password);
  }

  /**
   * Reads the file again. When it is broken the users loaded before stay in use, so that a typo in an edit
   * locks nobody out; the problems are logged and returned, and an empty list means the reload succeeded.
   * Synchronized so that two reloads cannot swap in their snapshots in the wrong order.
   */
  public synchronized List<String> reload() {
    UsersFileResult result = UsersFile.load(file, extraAttributes);
    result.warnings().forEach(log::warn);
    if (!result.isValid()) {
      result.problems().forEach(log::error);
      log.error("Reload of {} failed; the users loaded before stay in use ({} users)", file,
          snapshot().byUsername().size());
      return result.problems();
    }
    current.set(UserSnapshot.of(result.users()));
    log.info("Reloaded {} users from {}", result.users().size(), file);
    return List.of();
  }

  UserSnapshot snapshot() {
    return current.get();
  }
}
