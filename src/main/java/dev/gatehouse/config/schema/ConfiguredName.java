package dev.gatehouse.config.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A setting's choices as an enum whose constants know how configuration.yml spells them. */
public interface ConfiguredName {

  /** The spelling in configuration.yml, e.g. {@code two_factor}. */
  String configured();

  /** The constant spelled {@code configured}, if any. */
  static <E extends Enum<E> & ConfiguredName> Optional<E> of(Class<E> type, String configured) {
    return Arrays.stream(type.getEnumConstants()).filter(value -> value.configured().equals(configured)).findFirst();
  }

  /** The spellings, in declaration order, for "must be one of" messages. */
  static <E extends Enum<E> & ConfiguredName> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfiguredName::configured).toList();
  }
}
