package dev.gatehouse.browser;

import dev.gatehouse.testing.NotificationFile;
import dev.gatehouse.testing.TestGatehouse;
import java.nio.file.Path;

/** The LibreChat login with the one-time code read from the filesystem notifier's file. */
class FilesystemNotifierLoginTest extends LibreChatLoginContract {

  private Path notificationFile;

  @Override
  String notifierYaml(Path directory) {
    notificationFile = directory.resolve("notification.txt");
    return TestGatehouse.filesystemNotifier(directory);
  }

  @Override
  String lastOneTimeCode() {
    return NotificationFile.oneTimeCode(notificationFile);
  }

  @Override
  String variant() {
    return "filesystem";
  }
}
