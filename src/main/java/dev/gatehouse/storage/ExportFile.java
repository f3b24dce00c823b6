package dev.gatehouse.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Authelia's storage export files: YAML with one top-level key holding a list of entries, under the
 * comment naming Authelia's JSON schema for it, so that a file moves between the two unchanged.
 */
public final class ExportFile {

  private static final String SCHEMA = "# yaml-language-server: $schema=https://www.authelia.com/schemas/v4.39"
      + "/json-schema/%s.json%n%n";

  private ExportFile() {
  }

  /** The file's text: {@code key} holding {@code entries}, each a map of plain values. */
  public static String write(String schemaName, String key, List<Map<String, Object>> entries) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    Yaml yaml = new Yaml(new Representer(options), options);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(key, entries);
    return String.format(SCHEMA, schemaName) + yaml.dump(document);
  }

  /** A time as YAML gives it (a timestamp) or as text (RFC 3339); null for none. */
  public static Instant time(Object value) {
    if (value == null || value instanceof Date) {
      return value == null ? null : ((Date) value).toInstant();
    }
    try {
      return OffsetDateTime.parse(String.valueOf(value)).toInstant();
    } catch (DateTimeParseException unreadable) {
      throw new IllegalArgumentException("is not a time: '" + value + "'");
    }
  }

  /**
   * The entries under {@code key}, each a map; an {@link IllegalArgumentException} saying what is
   * wrong when the text is not such a file.
   */
  public static List<Map<String, Object>> read(String text, String key, String what) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (MarkedYAMLException unreadable) {
      Mark mark = unreadable.getProblemMark();
      throw new IllegalArgumentException("the file is not YAML: " + unreadable.getProblem()
          + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"));
    } catch (YAMLException unreadable) {
      throw new IllegalArgumentException("the file is not YAML: " + unreadable.getMessage().lines().findFirst()
          .orElse("unreadable"));
    }
    if (!(document instanceof Map<?, ?> map) || !(map.get(key) instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException("can't import a YAML file without " + what + " data (a list under '"
          + key + "')");
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException("entry " + (entries.size() + 1) + " of '" + key + "' is not a mapping");
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      fields.forEach((name, value) -> copy.put(String.valueOf(name), value));
      entries.add(copy);
    }
    return entries;
  }
}
