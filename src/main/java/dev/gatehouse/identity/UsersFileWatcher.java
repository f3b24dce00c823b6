package dev.gatehouse.identity;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads users.yml when it changes ({@code authentication_backend.file.watch: true}).
 *
 * <p>As Authelia, it watches the file's directory, not the file: editors and config tools that save by
 * writing a temporary file and renaming it over users.yml replace the file, and a watch on the old file
 * would see nothing. Creations and modifications of the name users.yml trigger a reload.
 *
 * <p>Reloads are at least {@link #COOLDOWN} apart, as Authelia's, so that the burst of events of one save
 * costs one reload. Unlike Authelia, an event inside the cooldown is not dropped but reloads when the
 * cooldown ends: the last write of a burst is always the one in use. An empty file is skipped (editors
 * truncate before writing), and a broken one keeps the users loaded before (see {@link UsersFileDirectory#reload}).
 */
public final class UsersFileWatcher implements AutoCloseable {

  static final Duration COOLDOWN = Duration.ofMillis(500);

  private static final Logger log = LoggerFactory.getLogger(UsersFileWatcher.class);

  private final UsersFileDirectory directory;
  private final Path file;
  private final WatchService watchService;
  private final Thread thread;

  private UsersFileWatcher(UsersFileDirectory directory, WatchService watchService) {
    this.directory = directory;
    this.file = directory.file().toAbsolutePath();
    this.watchService = watchService;
    this.thread = new Thread(this::run, "users-file-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts watching the directory's file on a daemon thread; {@link #close()} stops it. */
  public static UsersFileWatcher start(UsersFileDirectory directory) throws IOException {
    Path folder = directory.file().toAbsolutePath().getParent();
    WatchService watchService = folder.getFileSystem().newWatchService();
    try {
      folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException | RuntimeException e) {
      watchService.close();
      throw e;
    }
    UsersFileWatcher watcher = new UsersFileWatcher(directory, watchService);
    watcher.thread.start();
    log.info("Watching {} for changes", watcher.file);
    return watcher;
  }

  private void run() {
    long cooldownEnds = System.nanoTime();
    boolean changed = false;
    try {
      while (true) {
        WatchKey key = changed
            ? watchService.poll(cooldownEnds - System.nanoTime(), TimeUnit.NANOSECONDS)
            : watchService.take();
        if (key != null) {
          if (concernsFile(key)) {
            log.debug("{} changed", file);
            changed = true;
          }
          if (!key.reset()) {
            log.error("Stopped watching {}: its directory can no longer be watched", file);
            return;
          }
        }
        if (changed && System.nanoTime() - cooldownEnds >= 0) {
          changed = false;
          reload();
          cooldownEnds = System.nanoTime() + COOLDOWN.toNanos();
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException stopped) {
      log.debug("Stopped watching {}", file);
    }
  }

  /** Whether the events name users.yml as created or modified; an overflow may have lost such an event. */
  private boolean concernsFile(WatchKey key) {
    boolean concerns = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        concerns = true;
      } else if (file.getFileName().equals(event.context())) {
        if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
          log.debug("{} was removed; its users stay in use until it is written again", file);
        } else {
          concerns = true;
        }
      }
    }
    return concerns;
  }

  private void reload() {
    try {
      if (Files.notExists(file) || Files.size(file) == 0) {
        log.debug("{} is missing or empty, probably while being saved; reload skipped", file);
        return;
      }
      directory.reload();
    } catch (IOException | RuntimeException e) {
      // Whatever went wrong, the watcher must survive to pick up the next, hopefully fixed, version.
      log.error("Reload of {} failed; the users loaded before stay in use", file, e);
    }
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  /** Stops the watcher thread, giving a reload in progress a moment to finish. */
  @Override
  public void close() throws IOException {
    watchService.close();
    try {
      thread.join(COOLDOWN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
