package dev.gatehouse.identity;

import dev.gatehouse.config.schema.ExtraAttribute.ValueType;
import dev.gatehouse.config.schema.ExtraAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A user's {@code extra} attributes, checked as Authelia checks them against
 * {@code authentication_backend.file.extra_attributes}: each must be defined there, and hold a value
 * of its type, or a list of them when it is multi-valued. Values become a String, a Long or a Boolean.
 */
final class ExtraValues {

  private ExtraValues() {
  }

  static Map<String, Object> read(String username, YamlMapping extra, Map<String, ExtraAttribute> definitions,
      Findings findings) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : extra.keys()) {
      ExtraAttribute definition = definitions.get(name);
      Optional<Node> node = extra.node(name);
      if (definition == null) {
        findings.problem(extra.path(name), extra.at(name), "error occurred validating extra attributes for user '"
            + username + "': attribute '" + name + "' is unknown; define it under"
            + " authentication_backend.file.extra_attributes");
        continue;
      }
      node.flatMap(value -> typed(value, definition, name, username, extra, findings))
          .ifPresent(value -> values.put(name, value));
    }
    return values;
  }

  private static Optional<Object> typed(Node node, ExtraAttribute definition, String name, String username,
      YamlMapping extra, Findings findings) {
    String prefix = "error occurred validating extra attributes for user '" + username + "': attribute '" + name + "' ";
    if (!definition.multiValued()) {
      Optional<Object> value = scalar(node, definition.valueType());
      if (value.isEmpty()) {
        findings.problem(extra.path(name), node, prefix + "has the type '" + typeOf(node) + "' but '"
            + definition.valueType().configured() + "' is the expected type");
      }
      return value;
    }
    if (!(node instanceof SequenceNode sequence)) {
      findings.problem(extra.path(name), node, prefix + "has the type '" + typeOf(node) + "' but '[]"
          + definition.valueType().configured() + "' is the expected type");
      return Optional.empty();
    }
    List<Object> values = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      Optional<Object> value = scalar(item, definition.valueType());
      if (value.isEmpty()) {
        findings.problem(extra.path(name), item, prefix + "has an item of the type '" + typeOf(item) + "' but '"
            + definition.valueType().configured() + "' is the expected type");
        return Optional.empty();
      }
      values.add(value.get());
    }
    return Optional.of(values);
  }

  private static Optional<Object> scalar(Node node, ValueType type) {
    if (!(node instanceof ScalarNode scalar) || YamlMapping.isNull(node)) {
      return Optional.empty();
    }
    Tag tag = scalar.getTag();
    try {
      return switch (type) {
        case STRING -> tag.equals(Tag.STR) ? Optional.of(scalar.getValue()) : Optional.empty();
        case INTEGER -> tag.equals(Tag.INT) ? Optional.of(Long.parseLong(scalar.getValue().replace("_", "")))
            : Optional.empty();
        case BOOLEAN -> tag.equals(Tag.BOOL) ? Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase()))
            : Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The type as the file gives it, in the words of the value types. */
  private static String typeOf(Node node) {
    if (node instanceof SequenceNode) {
      return "list";
    }
    if (!(node instanceof ScalarNode scalar)) {
      return "mapping";
    }
    Tag tag = scalar.getTag();
    return tag.equals(Tag.INT) ? "integer" : tag.equals(Tag.BOOL) ? "boolean" : tag.equals(Tag.FLOAT) ? "float"
        : "string";
  }
}
