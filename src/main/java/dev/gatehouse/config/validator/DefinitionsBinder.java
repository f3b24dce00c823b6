package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code definitions.network}: named lists of networks that authorization rules refer to by name,
 * and the reading of a {@code networks} list, where each entry is such a name or a network.
 */
final class DefinitionsBinder {

  private DefinitionsBinder() {
  }

  /** The named networks; an entry that is not a network is an error and left out. */
  static Map<String, List<Network>> networks(ConfigNode definitions) {
    Map<String, List<Network>> named = new LinkedHashMap<>();
    definitions.child("network").entries().forEach((name, node) -> named.put(name, networks(node, Map.of())));
    return Map.copyOf(named);
  }

  /**
   * A {@code networks} list: each entry the name of a defined network, which stands for all of
   * its networks, or a CIDR or single address. Authelia's words for one that is neither.
   */
  static List<Network> networks(ConfigNode list, Map<String, List<Network>> named) {
    List<Network> networks = new ArrayList<>();
    List<String> entries = list.strings(List.of());
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      List<Network> definition = named.get(entry);
      if (definition != null) {
        networks.addAll(definition);
        continue;
      }
      ConfigNode at = list.isList() ? list.element(i) : list;
      Network.parse(entry).ifPresentOrElse(networks::add,
          () -> at.error("failed to parse network \"" + entry + "\": invalid CIDR address: " + entry));
    }
    return networks;
  }
}
