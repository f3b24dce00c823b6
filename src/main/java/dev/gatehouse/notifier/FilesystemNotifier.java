package dev.gatehouse.notifier;

import dev.gatehouse.config.schema.NotifierConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Set;

/**
 * {@code notifier.filesystem}: writes each message into one file, replacing the previous one, in Authelia's layout:
 * {@code Date:}, {@code Recipient:} and {@code Subject:} lines, a blank line, the plain-text body.
 */
public final class FilesystemNotifier implements Notifier {

  /** Go's {@code time.Time.String()} layout, which Authelia's file shows: 2006-01-02 15:04:05.999999999 -0700 MST. */
  static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .appendPattern(" xx z")
      .toFormatter();

  private static final Set<StandardOpenOption> REPLACE =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);

  private final Path file;
  private final Clock clock;

  public FilesystemNotifier(NotifierConfig.Filesystem config) {
    this(config.filename(), Clock.systemDefaultZone());
  }

  public FilesystemNotifier(Path file, Clock clock) {
    this.file = file.toAbsolutePath();
    this.clock = clock;
  }

  @Override
  public void send(Recipient recipient, Message message) throws NotificationException {
    String content = "Date: " + DATE.format(ZonedDateTime.now(clock)) + "\n"
        + "Recipient: " + recipient.toHeaderValue() + "\n"
        + "Subject: " + message.title() + "\n"
        + "\n"
        + message.plainText() + "\n\n";
    replaceContent(content);
  }

  /** Creates the directory and empties the file, so a stale message from an earlier run is never mistaken for new. */
  @Override
  public void startupCheck() throws NotificationException {
    replaceContent("");
  }

  private void replaceContent(String content) throws NotificationException {
    try {
      Files.createDirectories(file.getParent(), posixAttributes("rwx------"));
      try (FileChannel channel = FileChannel.open(file, REPLACE, posixAttributes("rw-------"))) {
        channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
    } catch (IOException e) {
      throw new NotificationException("filesystem notifier: cannot write " + file + ": " + e, e);
    }
  }

  private FileAttribute<?>[] posixAttributes(String permissions) {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
  }
}
