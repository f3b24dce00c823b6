package dev.gatehouse.identity;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Resolves YAML merge keys ({@code <<: *defaults}) in a composed node tree and refuses duplicate keys, as
 * go-yaml does for Authelia: a users.yml that shares attributes through anchors loads here too, and a
 * username written twice is an error instead of the last one silently winning. SnakeYAML only does this
 * while constructing Java objects, which would lose the raw scalar text and line numbers we report.
 */
final class MergeKeys extends SafeConstructor {

  MergeKeys() {
    super(new LoaderOptions());
    setAllowDuplicateKeys(false);
  }

  /** Throws SnakeYAML's {@code DuplicateKeyException} or {@code ConstructorException} with the line. */
  void resolve(MappingNode mapping) {
    flattenMapping(mapping);
  }
}
