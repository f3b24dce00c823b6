package dev.gatehouse.config.source;

import dev.gatehouse.config.reader.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads configuration files into one tree, as Authelia does: each path is a file or a directory
 * (whose {@code .yml}/{@code .yaml} files are read in name order, not recursively), and the files
 * are merged in order. Maps merge key by key; any other value, lists included, is replaced
 * whole by a later file ("the last one to be specified takes precedence").
 */
public final class YamlFiles {

  private YamlFiles() {
  }

  /** The merged tree; problems with a file (missing, unreadable, not YAML, empty) name the file. */
  public static Map<String, Object> readAll(List<Path> paths, Problems problems) {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Path path : paths) {
      for (Path file : filesAt(path, problems)) {
        Map<String, Object> tree = read(file, problems);
        if (tree != null) {
          TreeMerge.into(merged, tree);
        }
      }
    }
    return merged;
  }

  private static List<Path> filesAt(Path path, Problems problems) {
    if (!Files.exists(path)) {
      problems.error(path.toString(), "configuration file does not exist");
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> entries = Files.list(path)) {
      List<Path> files = entries
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .toList();
      if (files.isEmpty()) {
        problems.error(path.toString(), "configuration directory has no .yml or .yaml files");
      }
      return files;
    } catch (IOException e) {
      problems.error(path.toString(), "cannot list configuration directory: " + e.getMessage());
      return List.of();
    }
  }

  private static Map<String, Object> read(Path file, Problems problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.error(file.toString(), "cannot read configuration file: " + e);
      return null;
    }
    Object document;
    try {
      document = parser().load(text);
    } catch (MarkedYAMLException e) {
      String context = e.getContext() == null ? ""
          : " (" + e.getContext() + where(e.getContextMark()) + ")";
      problems.error(file.toString(), "invalid YAML" + where(e.getProblemMark()) + ": "
          + e.getProblem() + context);
      return null;
    } catch (YAMLException e) {
      problems.error(file.toString(), "invalid YAML: " + e.getMessage());
      return null;
    }
    if (document == null) {
      problems.error(file.toString(), "configuration file is empty");
      return null;
    }
    if (!(document instanceof Map<?, ?> map)) {
      problems.error(file.toString(), "expected a map of configuration keys at the top level but got "
          + (document instanceof List<?> ? "a list" : "'" + document + "'"));
      return null;
    }
    return stringKeys(map);
  }

  private static String where(Mark mark) {
    return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static Yaml parser() {
    LoaderOptions options = new LoaderOptions();
    // A key given twice in one map is a mistake, and Authelia's parser refuses it too.
    options.setAllowDuplicateKeys(false);
    DumperOptions dumperOptions = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions,
        options, new CoreSchemaResolver());
  }

  /** Copies a parsed map with every key as text (YAML allows {@code 1: x}; paths are text). */
  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), normalise(value)));
    return copy;
  }

  private static Object normalise(Object value) {
    if (value instanceof Map<?, ?> map) {
      return stringKeys(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(element -> copy.add(normalise(element)));
      return copy;
    }
    return value;
  }
}
