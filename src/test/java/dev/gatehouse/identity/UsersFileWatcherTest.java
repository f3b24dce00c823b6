package dev.gatehouse.identity;

import static dev.gatehouse.identity.UsersFileDirectoryTest.JOHN;
import static dev.gatehouse.identity.UsersFileDirectoryTest.JOHN_AND_JANE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class UsersFileWatcherTest {

  private static final Duration PATIENCE = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private Path file;
  private UsersFileDirectory directory;
  private UsersFileWatcher watcher;
  private final ListAppender<ILoggingEvent> directoryLog = new ListAppender<>();

  @BeforeEach
  void startWatching() throws IOException {
    file = Files.writeString(dir.resolve("users.yml"), JOHN);
    directory = UsersFileDirectory.open(file);
    watcher = UsersFileWatcher.start(directory);
    directoryLog.start();
    ((Logger) LoggerFactory.getLogger(UsersFileDirectory.class)).addAppender(directoryLog);
  }

  @AfterEach
  void stopWatching() throws IOException {
    ((Logger) LoggerFactory.getLogger(UsersFileDirectory.class)).detachAppender(directoryLog);
    watcher.close();
  }

  @Test
  void reloadsWhenTheFileIsRewritten() throws Exception {
    Files.writeString(file, JOHN_AND_JANE);

    awaitUntil(() -> directory.find("jane").isPresent());
  }

  @Test
  void reloadsWhenAnEditorReplacesTheFileByAnAtomicRename() throws Exception {
    Path saved = Files.writeString(dir.resolve(".users.yml.tmp"), JOHN_AND_JANE);

    Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    awaitUntil(() -> directory.find("jane").isPresent());
  }

  @Test
  void aChangeWithinTheCooldownIsLoadedWhenItEndsNotDropped() throws Exception {
    Files.writeString(file, JOHN_AND_JANE);
    awaitUntil(() -> directory.find("jane").isPresent());

    Files.writeString(file, JOHN_AND_JANE.replace("jane", "max"));

    awaitUntil(() -> directory.find("max").isPresent());
    assertThat(directory.find("jane")).isEmpty();
  }

  @Test
  void keepsTheUsersLoadedBeforeWhenTheNewFileIsBroken() throws Exception {
    Files.writeString(file, "users:\n  john: {displayname: 'John Doe'}\n");

    awaitUntil(() -> directoryLog.list.stream()
        .anyMatch(event -> event.getFormattedMessage().startsWith("Reload of")));
    assertThat(directoryLog.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        file + ": users.john.password: is required (line 2)",
        "Reload of " + file + " failed; the users loaded before stay in use (2 users)");
    assertThat(directory.find("john")).isPresent();
  }

  @Test
  void closeStopsTheWatcherThread() throws Exception {
    watcher.close();

    awaitUntil(() -> !watcher.isRunning());
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within " + PATIENCE);
      }
      Thread.sleep(10);
    }
  }
}
