package dev.gatehouse.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemNotifierTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.120Z"), ZoneId.of("UTC"));
  private static final Recipient JOHN = new Recipient("John Doe", "john@example.com");

  @TempDir
  Path dir;

  @Test
  void writesDateRecipientSubjectBlankLineAndBody() throws Exception {
    Path file = dir.resolve("notification.txt");

    new FilesystemNotifier(file, CLOCK).send(JOHN, new Message("Confirm your identity", "Hello\nworld", "<p>x</p>"));

    assertThat(Files.readString(file)).isEqualTo("""
        Date: 2026-03-01 10:15:30.12 +0000 UTC
        Recipient: "John Doe" <john@example.com>
        Subject: Confirm your identity

        Hello
        world

        """);
  }

  @Test
  void eachSendReplacesThePreviousMessage() throws Exception {
    Path file = dir.resolve("notification.txt");
    FilesystemNotifier notifier = new FilesystemNotifier(file, CLOCK);

    notifier.send(JOHN, new Message("First", "a long first body that must disappear"));
    notifier.send(new Recipient(null, "jane@example.com"), new Message("Second", "short"));

    assertThat(Files.readString(file)).isEqualTo("""
        Date: 2026-03-01 10:15:30.12 +0000 UTC
        Recipient: <jane@example.com>
        Subject: Second

        short

        """);
  }

  @Test
  void createsMissingDirectoriesOwnerOnly() throws Exception {
    Path file = dir.resolve("a/b/notification.txt");

    new FilesystemNotifier(file, CLOCK).send(JOHN, new Message("Title", "body"));

    assertThat(file).isRegularFile();
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void startupCheckCreatesTheDirectoryAndEmptiesTheFile() throws Exception {
    Path file = dir.resolve("new/notification.txt");
    FilesystemNotifier notifier = new FilesystemNotifier(file, CLOCK);
    notifier.send(JOHN, new Message("Stale", "a message from an earlier run"));

    notifier.startupCheck();

    assertThat(file).isEmptyFile();
    new FilesystemNotifier(dir.resolve("other/notification.txt"), CLOCK).startupCheck();
    assertThat(dir.resolve("other/notification.txt")).isEmptyFile();
  }

  @Test
  void unwritablePathFailsWithThePathInTheReason() throws IOException {
    Path directoryInTheWay = Files.createDirectories(dir.resolve("notification.txt"));
    FilesystemNotifier notifier = new FilesystemNotifier(directoryInTheWay, CLOCK);

    assertThatThrownBy(notifier::startupCheck)
        .isInstanceOf(NotificationException.class)
        .hasMessageStartingWith("filesystem notifier: cannot write " + directoryInTheWay);
  }

  @Test
  void oneTimeCodeCanBeReadBackBetweenTheRules() throws Exception {
    Path file = dir.resolve("notification.txt");
    String code = OneTimeCodes.generate();
    Message message = NotificationTemplates.oneTimeCode("John Doe", "add a TOTP device", code,
        OneTimeCodes.CODE_LIFESPAN, "192.0.2.7");

    new FilesystemNotifier(file, CLOCK).send(JOHN, message);

    Matcher between = Pattern.compile("-{40}\\n\\n(.+)\\n\\n-{40}").matcher(Files.readString(file));
    assertThat(between.find()).isTrue();
    assertThat(between.group(1)).isEqualTo(code);
  }

  @Test
  void dateUsesGoTimeLayoutWithoutTrailingZeros() {
    assertThat(FilesystemNotifier.DATE.format(Instant.parse("2026-03-01T10:15:30Z").atZone(ZoneId.of("UTC"))))
        .isEqualTo("2026-03-01 10:15:30 +0000 UTC");
    assertThat(FilesystemNotifier.DATE.format(
        Instant.parse("2026-03-01T10:15:30Z").plus(Duration.ofNanos(1)).atZone(ZoneId.of("Europe/Berlin"))))
        .isEqualTo("2026-03-01 11:15:30.000000001 +0100 CET");
  }
}
