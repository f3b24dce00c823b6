package dev.gatehouse.config.schema;

/** {@code authentication_backend.file.extra_attributes.<name>}: the type of a user's {@code extra} value. */
public record ExtraAttribute(boolean multiValued, ValueType valueType) {

  /** {@code value_type}. */
  public enum ValueType implements ConfiguredName {
    STRING("string"),
    INTEGER("integer"),
    BOOLEAN("boolean");

    private final String configured;

    ValueType(String configured) {
      this.configured = configured;
    }

    @Override
    public String configured() {
      return configured;
    }
  }
}
