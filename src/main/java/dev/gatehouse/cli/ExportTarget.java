package dev.gatehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where an export goes: a new file only, readable by its owner alone (it may hold TOTP secrets),
 * as Authelia writes its exports; an existing file is never overwritten.
 */
final class ExportTarget {

  private ExportTarget() {
  }

  /**
   * Writes {@code rows} to a new {@code file} as {@code render} makes them, and says so in
   * Authelia's words; nothing to export is a failure, as in Authelia.
   */
  static <T> void export(PrintWriter out, Path file, String what, String format, List<T> rows,
      Function<List<T>, String> render) {
    refuseExisting(file);
    if (rows.isEmpty()) {
      throw new CommandFailure("no data to export");
    }
    write(file, render.apply(rows).getBytes(StandardCharsets.UTF_8));
    out.printf("Successfully exported %d %s as %s to the '%s' file%n", rows.size(), what, format, file);
  }

  static void refuseExisting(Path file) {
    if (Files.exists(file)) {
      throw new CommandFailure("must specify a file that doesn't exist but '" + file + "' exists");
    }
  }

  static void write(Path file, byte[] content) {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE)));
      Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException exists) {
      throw new CommandFailure("must specify a file that doesn't exist but '" + file + "' exists");
    } catch (UnsupportedOperationException | IOException e) {
      throw new CommandFailure("error occurred writing to file '" + file + "': " + e.getMessage());
    }
  }

  /** The text of a file to import, or the line saying why it cannot be read. */
  static String read(Path file) {
    if (Files.isDirectory(file)) {
      throw new CommandFailure("must specify a file that exists but '" + file + "' is a directory");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CommandFailure("must specify a file that exists but '" + file + "' had an error opening it: "
          + e.getClass().getSimpleName());
    }
  }
}
