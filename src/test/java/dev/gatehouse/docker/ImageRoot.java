package dev.gatehouse.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image's file system without Docker: a directory standing for {@code /}, holding the jar and
 * jvm.options at the paths the Dockerfile copies them to, and {@code config/} and {@code data/} for
 * the volumes. The final stage's entrypoint, environment and working directory are applied with
 * every absolute path of the image moved under it, and run as a user other than root: the current
 * user, or {@code nobody} through runuser when the tests run as root.
 */
final class ImageRoot {

  private static final Pattern IMAGE_PATH = Pattern.compile("(?<![\\w/.])/(?=(config|data|opt)(/|\\b))");
  private static final String NON_ROOT_USER = "nobody";

  private final Path root;
  private final DockerfileStage image;
  private final boolean asRoot;

  private ImageRoot(Path root, DockerfileStage image, boolean asRoot) {
    this.root = root;
    this.image = image;
    this.asRoot = asRoot;
  }

  /**
   * {@code root} with the final stage's copies (the jar from the build stage standing for the one
   * built there) and its class data sharing archive recorded as the Dockerfile's RUN does, and the
   * volumes owned by the user Gatehouse will run as.
   */
  static ImageRoot create(Path root, Path jar) throws IOException, InterruptedException {
    DockerfileStage image = DockerfileStage.last();
    ImageRoot imageRoot = new ImageRoot(root, image, isRoot());
    for (DockerfileStage.Copy copy : image.copies()) {
      for (String source : copy.sources()) {
        Path local = copy.fromStage() ? jar : Path.of(source);
        Path destination = imageRoot.path(copy.destination());
        Path file = copy.destination().endsWith("/") ? destination.resolve(local.getFileName()) : destination;
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, local.toAbsolutePath());
      }
    }
    imageRoot.recordClassDataArchive();
    for (String volume : image.volumes()) {
      Path directory = Files.createDirectories(imageRoot.path(volume));
      if (imageRoot.asRoot) {
        // As the Dockerfile gives them to its user.
        UserPrincipal user = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NON_ROOT_USER);
        Files.setOwner(directory, user);
      }
    }
    if (imageRoot.asRoot) {
      // Let the other user through the test's private directories, up to (not including) the
      // system's temporary directory.
      Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
      for (Path directory = root.toAbsolutePath(); directory.startsWith(temporary) && !directory.equals(temporary);
          directory = directory.getParent()) {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    return imageRoot;
  }

  /** The RUN that records the archive, as the image build runs it: as root, with this JVM's java. */
  private void recordClassDataArchive() throws IOException, InterruptedException {
    String recording = image.runs().stream().filter(run -> run.contains("class-data-archive")).findFirst()
        .orElseThrow(() -> new IllegalStateException(DockerfileStage.FILE + " records no class data archive"));
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", moved(recording)).redirectErrorStream(true);
    builder.environment().put("PATH", javaPath());
    Process run = builder.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (run.waitFor() != 0) {
      throw new IllegalStateException("the Dockerfile's recording step failed:\n" + output);
    }
  }

  /** Where {@code imagePath}, an absolute path in the image, is here. */
  Path path(String imagePath) {
    return Path.of(moved(imagePath));
  }

  /**
   * A process started as the image starts: the entrypoint with {@code arguments} (the container's
   * command), exactly the image's environment plus {@code extra}, in the working directory.
   */
  ProcessBuilder entrypoint(List<String> arguments, Map<String, String> extra) {
    List<String> command = new ArrayList<>(image.entrypoint().stream().map(this::moved).toList());
    command.addAll(arguments);
    return asUser(command, extra);
  }

  /** The HEALTHCHECK command, as Docker runs it (through /bin/sh), with the port Gatehouse listens on. */
  ProcessBuilder healthcheck(int port) {
    String command = image.healthcheck().replace(":" + image.exposed().get(0) + "/", ":" + port + "/");
    return asUser(List.of("/bin/sh", "-c", command), Map.of());
  }

  private ProcessBuilder asUser(List<String> command, Map<String, String> extra) {
    Map<String, String> environment = new LinkedHashMap<>();
    // What Docker sets besides the image's ENV: PATH (here with this JVM's java) and HOME.
    environment.put("PATH", javaPath());
    environment.put("HOME", moved("/data"));
    image.env().forEach((name, value) -> environment.put(name, moved(value)));
    environment.putAll(extra);
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of(Tools.require("util-linux", "/usr/sbin/runuser", "/sbin/runuser").toString(),
          "-u", NON_ROOT_USER, "--"));
    }
    // env -i: nothing of the test's own environment leaks in, under runuser or not.
    full.add("/usr/bin/env");
    full.add("-i");
    environment.forEach((name, value) -> full.add(name + "=" + value));
    full.addAll(command);
    return new ProcessBuilder(full).directory(path(image.workdir()).toFile());
  }

  private static String javaPath() {
    return Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin";
  }

  private String moved(String text) {
    Matcher imagePath = IMAGE_PATH.matcher(text);
    return text.equals("/") ? root.toString() : imagePath.replaceAll(Matcher.quoteReplacement(root + "/"));
  }

  private static boolean isRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }
}
