package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the one-time code out of the filesystem notifier's file, as an admin testing would. */
public final class NotificationFile {

  private static final Pattern CODE = Pattern.compile("-{40}\\s*\\n\\s*([A-Z0-9]+)\\s*\\n\\s*-{40}");

  private NotificationFile() {
  }

  public static String oneTimeCode(Path file) {
    try {
      return oneTimeCodeIn(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code between the two dashed lines of a one-time code message. */
  public static String oneTimeCodeIn(String message) {
    Matcher code = CODE.matcher(message.replace("\r\n", "\n"));
    if (!code.find()) {
      throw new AssertionError("no one-time code in:\n" + message);
    }
    return code.group(1);
  }
}
