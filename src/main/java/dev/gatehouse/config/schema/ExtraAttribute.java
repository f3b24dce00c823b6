package dev.gatehouse.config.schema;

import java.util.Arrays;
import java.util.List;

/** {@code authentication_backend.file.extra_attributes.<name>}: the type of a user's {@code extra} value. */
public record ExtraAttribute(boolean multiValued, ValueType valueType) {

  /** {@code value_type}. */
  public enum ValueType {
    STRING("string"),
    INTEGER("integer"),
    BOOLEAN("boolean");

    private final String configured;

    ValueType(String configured) {
      this.configured = configured;
    }

    public String configured() {
      return configured;
    }

    public static List<String> names() {
      return Arrays.stream(values()).map(ValueType::configured).toList();
    }
  }
}
