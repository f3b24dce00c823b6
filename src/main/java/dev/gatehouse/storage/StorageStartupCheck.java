package dev.gatehouse.storage;

import dev.gatehouse.config.schema.StorageConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Turns storage that cannot work into one line naming the configuration key, as configuration
 * errors are reported: a data directory that cannot be written (read-only, no permission, a file
 * in its place) or whose disk is full is found before start-up; a database that fails to open
 * during start-up (cannot be opened, written or migrated) is explained after.
 */
public final class StorageStartupCheck {

  /** Less than this is a full disk: H2 cannot even create its first pages. */
  private static final long MINIMUM_FREE_BYTES = 1024 * 1024;
  private static final String LOCAL_PATH = "storage.local.path";
  private static final String H2_FILE_SUFFIX = ".mv.db";

  private StorageStartupCheck() {
  }

  /** Problems with the local database's directory, found by writing to it; none for PostgreSQL. */
  public static List<String> problemsBeforeStart(StorageConfig storage) {
    if (storage.local() == null) {
      return List.of();
    }
    Path directory = storage.local().path().toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, ".gatehouse-write-check", ".tmp"));
      long free = Files.getFileStore(directory).getUsableSpace();
      if (free < MINIMUM_FREE_BYTES) {
        return List.of(LOCAL_PATH + ": the disk holding '" + directory + "' is full (" + free + " bytes free)");
      }
      return inUseByAnotherProcess(storage.local().path())
          ? List.of(LOCAL_PATH + ": the database '" + storage.local().path().toAbsolutePath() + "' is in use by"
              + " another Gatehouse process; the embedded database serves one instance only: stop the other,"
              + " or run several instances on storage.postgres")
          : List.of();
    } catch (IOException e) {
      return List.of(LOCAL_PATH + ": cannot write to the directory '" + directory + "': " + reason(e));
    }
  }

  /** Whether a running Gatehouse (or any other process) holds the embedded database of {@code storage}. */
  public static boolean heldByAnotherProcess(StorageConfig storage) {
    try {
      return storage.local() != null && inUseByAnotherProcess(storage.local().path());
    } catch (IOException unreadable) {
      return false;
    }
  }

  /**
   * Whether another process holds the embedded database's file: H2 locks it for as long as it is
   * open, and a second opener would otherwise fail deep inside start-up.
   */
  private static boolean inUseByAnotherProcess(Path database) throws IOException {
    Path file = database.resolveSibling(database.getFileName() + H2_FILE_SUFFIX);
    if (Files.notExists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException heldInThisProcess) {
      return true;
    }
  }

  /** The line that explains a start-up failure caused by the database, if it was. */
  public static Optional<String> explain(StorageConfig storage, Throwable failure) {
    Throwable innermost = failure;
    boolean database = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      database |= cause instanceof SQLException;
      innermost = cause;
    }
    if (!database) {
      return Optional.empty();
    }
    String where = storage.local() != null
        ? LOCAL_PATH + ": cannot use the database '" + storage.local().path().toAbsolutePath() + "'"
        : "storage.postgres: cannot use the database '" + storage.postgres().database() + "' at "
            + storage.postgres().host() + ":" + storage.postgres().port();
    return Optional.of(where + ": " + firstLine(innermost.getMessage()));
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "'" + e.getMessage() + "' is not a directory";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String message) {
    return message == null ? "unknown error" : message.lines().findFirst().orElse("").strip();
  }
}
