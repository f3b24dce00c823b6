package dev.gatehouse.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The instructions of one stage of docker/Dockerfile that shape the running container: what the
 * tests need to start the jar exactly as the image would, without Docker.
 */
record DockerfileStage(String from, Map<String, String> env, List<String> entrypoint, String workdir,
    String user, List<String> volumes, List<String> exposed, String healthcheck, List<Copy> copies,
    List<String> runs) {

  /**
   * A COPY: its sources, from the build context or, with {@code fromStage}, from an earlier stage's
   * file system; its destination ends with / when it is a directory.
   */
  record Copy(List<String> sources, String destination, boolean fromStage) {
  }

  static final Path FILE = Path.of("docker", "Dockerfile");

  private static final Pattern INSTRUCTION = Pattern.compile("(?s)([A-Z]+)\\s+(.*)");
  private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

  /** The stage the image runs: the last one. */
  static DockerfileStage last() {
    List<DockerfileStage> stages = read();
    return stages.get(stages.size() - 1);
  }

  static List<DockerfileStage> read() {
    List<DockerfileStage> stages = new ArrayList<>();
    Builder stage = null;
    for (String line : instructions()) {
      Matcher instruction = INSTRUCTION.matcher(line);
      if (!instruction.matches()) {
        throw new IllegalStateException("not an instruction in " + FILE + ": " + line);
      }
      String keyword = instruction.group(1);
      String arguments = instruction.group(2).strip();
      if (keyword.equals("FROM")) {
        if (stage != null) {
          stages.add(stage.build());
        }
        stage = new Builder(arguments);
      } else if (stage == null) {
        throw new IllegalStateException(FILE + " has " + keyword + " before FROM");
      } else {
        stage.add(keyword, arguments);
      }
    }
    if (stage != null) {
      stages.add(stage.build());
    }
    return stages;
  }

  /** The sources this stage copies from the build context, which .dockerignore must let in. */
  List<String> copySources() {
    return copies.stream().filter(copy -> !copy.fromStage()).flatMap(copy -> copy.sources().stream()).toList();
  }

  /** The file's instructions, continuation lines joined, comments and blank lines left out. */
  private static List<String> instructions() {
    List<String> lines;
    try {
      lines = Files.readAllLines(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.startsWith("#") || stripped.isEmpty() && current.isEmpty()) {
        continue;
      }
      if (stripped.endsWith("\\")) {
        current.append(stripped, 0, stripped.length() - 1).append(' ');
      } else {
        instructions.add(current.append(stripped).toString());
        current.setLength(0);
      }
    }
    return instructions;
  }

  private static final class Builder {
    private final String from;
    private final Map<String, String> env = new LinkedHashMap<>();
    private List<String> entrypoint = List.of();
    private String workdir = "/";
    private String user = "root";
    private final List<String> volumes = new ArrayList<>();
    private final List<String> exposed = new ArrayList<>();
    private String healthcheck;
    private final List<Copy> copies = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();

    Builder(String from) {
      this.from = from;
    }

    @SuppressWarnings("unchecked")
    void add(String keyword, String arguments) {
      switch (keyword) {
        case "ENV" -> {
          Matcher pair = ENV_PAIR.matcher(arguments);
          while (pair.find()) {
            env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
          }
        }
        // The exec form is a JSON array, which YAML reads too.
        case "ENTRYPOINT" -> entrypoint = (List<String>) new Yaml().load(arguments);
        case "WORKDIR" -> workdir = arguments;
        case "USER" -> user = arguments;
        case "VOLUME" -> volumes.addAll((List<String>) new Yaml().load(arguments));
        case "EXPOSE" -> exposed.addAll(List.of(arguments.split("\\s+")));
        case "HEALTHCHECK" -> healthcheck = arguments.substring(arguments.indexOf("CMD ") + 4).strip();
        case "COPY" -> {
          boolean fromStage = arguments.startsWith("--from=");
          List<String> parts = List.of(arguments.split("\\s+"));
          List<String> files = fromStage ? parts.subList(1, parts.size()) : parts;
          copies.add(new Copy(files.subList(0, files.size() - 1), files.get(files.size() - 1), fromStage));
        }
        case "RUN" -> runs.add(arguments);
        default -> {
          // ARG, LABEL and the like do not change how the container is started.
        }
      }
    }

    DockerfileStage build() {
      return new DockerfileStage(from, Map.copyOf(env), entrypoint, workdir, user, List.copyOf(volumes),
          List.copyOf(exposed), healthcheck, List.copyOf(copies), List.copyOf(runs));
    }
  }
}
