package dev.gatehouse.config.source;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars as YAML 1.2's core schema does, as Authelia's YAML parser does, rather
 * than SnakeYAML's YAML 1.1 default: only {@code true}/{@code false} are booleans (so a value
 * {@code no} or {@code on} stays text), decimal integers have no octal surprise ({@code 0755} is
 * text that reads as 755 where an integer is wanted), and dates stay text.
 */
final class CoreSchemaResolver extends Resolver {

  private static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern CORE_INT = Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$");
  private static final Pattern CORE_FLOAT = Pattern.compile(
      "^(?:[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  private static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");
  private static final Pattern EMPTY_VALUE = Pattern.compile("^$");
  private static final Pattern MERGE_KEY = Pattern.compile("^(?:<<)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
    addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.MERGE, MERGE_KEY, "<");
    addImplicitResolver(Tag.NULL, CORE_NULL, "~nN");
    addImplicitResolver(Tag.NULL, EMPTY_VALUE, null);
  }
}
