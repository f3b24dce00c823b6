package dev.gatehouse.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of users.yml, read key by key into the types the file format allows. A value of the wrong
 * type becomes a problem naming its full key path and line, and reads as absent, so that every problem of
 * the file is reported in one pass. Scalars are taken as written: {@code birthdate: 1990-01-31} or
 * {@code postal_code: 01234} stay text, as go-yaml gives them to Authelia, instead of becoming a date or
 * an octal number.
 */
final class YamlMapping {

  /** The true spellings of SnakeYAML's YAML 1.1 boolean resolver; any other BOOL scalar is false. */
  private static final Set<String> BOOLEAN_TRUE = Set.of("true", "yes", "on");

  private final MappingNode node;
  private final String path;
  private final Findings findings;
  private final MergeKeys mergeKeys;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  YamlMapping(MappingNode node, String path, Findings findings, MergeKeys mergeKeys) {
    this.node = node;
    this.path = path;
    this.findings = findings;
    this.mergeKeys = mergeKeys;
    mergeKeys.resolve(node);
    for (NodeTuple entry : node.getValue()) {
      if (entry.getKeyNode() instanceof ScalarNode key) {
        entries.put(key.getValue(), entry);
      } else {
        Node keyNode = entry.getKeyNode();
        findings.problem(pathLabel(), keyNode, "keys must be plain names, found " + kind(keyNode));
      }
    }
  }

  /** The keys in file order, for the mapping of usernames. */
  Set<String> keys() {
    return entries.keySet();
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The line to point at for a key: its value if present, else the start of this mapping. */
  Node at(String key) {
    Node value = valueOf(key);
    return value == null ? node : value;
  }

  /** Text of a scalar; null when absent, null or empty. */
  String string(String key) {
    Node value = take(key);
    if (value == null || isNull(value)) {
      return null;
    }
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue().isEmpty() ? null : scalar.getValue();
    }
    findings.problem(path(key), value, "must be a string, found " + kind(value));
    return null;
  }

  /** Like {@link #string} but reports a missing or empty value. */
  String requiredString(String key) {
    Node value = valueOf(key);
    String text = string(key);
    if (text == null && (value == null || value instanceof ScalarNode)) {
      findings.problem(path(key), at(key), "is required");
    }
    return text;
  }

  /** A YAML boolean ({@code true}, {@code false}; YAML 1.1 also {@code yes}, {@code no}); false when absent. */
  boolean bool(String key) {
    Node value = take(key);
    if (value == null || isNull(value)) {
      return false;
    }
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return BOOLEAN_TRUE.contains(scalar.getValue().toLowerCase(Locale.ROOT));
    }
    findings.problem(path(key), value, "must be true or false");
    return false;
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String key) {
    Node value = take(key);
    List<String> strings = new ArrayList<>();
    if (value == null || isNull(value)) {
      return strings;
    }
    if (!(value instanceof SequenceNode sequence)) {
      findings.problem(path(key), value, "must be a list of strings, found " + kind(value));
      return strings;
    }
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isEmpty()) {
        strings.add(scalar.getValue());
      } else {
        findings.problem(path(key) + "[" + i + "]", item, "must be a non-empty string, found " + kind(item));
      }
    }
    return strings;
  }

  /** A nested mapping; empty when absent or null. */
  Optional<YamlMapping> mapping(String key) {
    Node value = take(key);
    if (value == null || isNull(value)) {
      return Optional.empty();
    }
    if (value instanceof MappingNode mapping) {
      return Optional.of(new YamlMapping(mapping, path(key), findings, mergeKeys));
    }
    findings.problem(path(key), value, "must be a mapping, found " + kind(value));
    return Optional.empty();
  }

  /** The node of a value as written, for values whose type the file decides; empty when absent or null. */
  Optional<Node> node(String key) {
    Node value = take(key);
    return value == null || isNull(value) ? Optional.empty() : Optional.of(value);
  }

  /** Keys that no getter asked for, with their key nodes for the line. */
  Map<String, Node> unreadKeys() {
    Map<String, Node> unread = new LinkedHashMap<>();
    entries.forEach((key, entry) -> {
      if (!read.contains(key)) {
        unread.put(key, entry.getKeyNode());
      }
    });
    return unread;
  }

  private Node take(String key) {
    read.add(key);
    return valueOf(key);
  }

  private Node valueOf(String key) {
    NodeTuple entry = entries.get(key);
    return entry == null ? null : entry.getValueNode();
  }

  private String pathLabel() {
    return path.isEmpty() ? "(top level)" : path;
  }

  static boolean isNull(Node value) {
    return value.getTag().equals(Tag.NULL);
  }

  /** Says what was found instead, without echoing a value that might be a secret. */
  static String kind(Node value) {
    if (value instanceof MappingNode) {
      return "a mapping";
    }
    if (value instanceof SequenceNode) {
      return "a list";
    }
    if (isNull(value)) {
      return "nothing";
    }
    return ((ScalarNode) value).getValue().isEmpty() ? "an empty string" : "a single value";
  }
}
