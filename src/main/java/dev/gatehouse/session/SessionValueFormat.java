package dev.gatehouse.session;

import dev.gatehouse.storage.StorageEncryption;
import java.util.List;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.node.ObjectNode;

/**
 * How each value of a Redis session is stored: JSON naming its type ({@code {"type": …, "value": …}};
 * Spring Security's own types in its Jackson form), sealed with AES-256-GCM under
 * {@code session.secret}. No Java serialization: reading a value instantiates only the types listed
 * here and those Spring Security's Jackson support allows, and only once the secret has authenticated
 * the bytes.
 */
final class SessionValueFormat implements RedisSerializer<Object> {

  private static final String LOCATION = "a session value in Redis";
  /** Packages whose types a session may hold at its top level. */
  private static final List<String> ALLOWED_TYPES = List.of("dev.gatehouse.", "org.springframework.security.",
      "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.time.Instant");

  private final StorageEncryption encryption;
  private final JsonMapper json = JsonMapper.builder()
      .addModules(SecurityJacksonModules.getModules(SessionValueFormat.class.getClassLoader(),
          BasicPolymorphicTypeValidator.builder().allowIfSubType("dev.gatehouse.")))
      .build();

  SessionValueFormat(StorageEncryption encryption) {
    this.encryption = encryption;
  }

  /** A removed attribute is written as no bytes, as Spring Session's own serializers do. */
  @Override
  public byte[] serialize(Object value) {
    if (value == null) {
      return new byte[0];
    }
    if (!allowed(value.getClass().getName())) {
      throw new SerializationException("a session cannot hold a " + value.getClass().getName());
    }
    ObjectNode envelope = json.createObjectNode();
    envelope.put("type", value.getClass().getName());
    envelope.set("value", json.valueToTree(value));
    return encryption.encryptToBytes(json.writeValueAsBytes(envelope), LOCATION);
  }

  @Override
  public Object deserialize(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      JsonNode envelope = json.readTree(encryption.decrypt(bytes, LOCATION));
      String type = envelope.path("type").asString();
      if (!allowed(type)) {
        throw new SerializationException("a session cannot hold a " + type);
      }
      return json.treeToValue(envelope.get("value"), Class.forName(type, false, getClass().getClassLoader()));
    } catch (StorageEncryption.WrongEncryptionKeyException | JacksonException | ClassNotFoundException e) {
      throw new SerializationException("unreadable session value: " + e.getMessage(), e);
    }
  }

  private static boolean allowed(String type) {
    return ALLOWED_TYPES.stream().anyMatch(allowed -> allowed.endsWith(".") ? type.startsWith(allowed)
        : type.equals(allowed));
  }
}
