package dev.gatehouse.proxy;

import dev.gatehouse.testing.RequiredSoftware;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs the proxy suite runs. A missing one skips the suite with a message saying what to
 * install, except under CI (environment variable CI set), where that is a failure: CI must run it.
 */
public final class Prerequisites {

  private Prerequisites() {
  }

  /** The first of {@code candidates} (absolute paths, or names looked up on PATH) that can be run. */
  public static Path executable(String missingMessage, String... candidates) {
    return find(candidates).orElseGet(() -> {
      RequiredSoftware.skipOrFail(missingMessage);
      throw new IllegalStateException("unreachable");
    });
  }

  static Optional<Path> find(String... candidates) {
    List<Path> places = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.contains("/")) {
        places.add(Path.of(candidate));
      } else {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
          if (!directory.isEmpty()) {
            places.add(Path.of(directory, candidate));
          }
        }
      }
    }
    return places.stream().filter(Files::isExecutable).findFirst();
  }
}
