package dev.gatehouse.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@code key=value,key=value} field of argon2, scrypt and bcrypt-sha256 digests. */
final class DigestParameters {

  private final String algorithm;
  private final Map<String, String> values;

  private DigestParameters(String algorithm, Map<String, String> values) {
    this.algorithm = algorithm;
    this.values = values;
  }

  static DigestParameters parse(String text, String algorithm, Set<String> knownKeys) {
    String keys = String.join(", ", knownKeys.stream().sorted().toList());
    Map<String, String> values = new HashMap<>();
    for (String pair : text.split(",", -1)) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new MalformedDigestException(
            algorithm + " parameters must be key=value pairs separated by commas, with keys " + keys);
      }
      String key = pair.substring(0, equals);
      if (!knownKeys.contains(key)) {
        throw new MalformedDigestException(algorithm + " has an unknown parameter; expected only " + keys);
      }
      if (values.put(key, pair.substring(equals + 1)) != null) {
        throw new MalformedDigestException(algorithm + " parameter '" + key + "' is given twice");
      }
    }
    return new DigestParameters(algorithm, values);
  }

  /** The value of an optional parameter, or the fallback when absent; either must lie within the bounds. */
  int number(String key, int fallback, int min, int max) {
    String text = values.getOrDefault(key, Integer.toString(fallback));
    return DigestFields.number(text, algorithm, "parameter '" + key + "'", min, max);
  }

  int requiredNumber(String key, int min, int max) {
    return DigestFields.number(required(key), algorithm, "parameter '" + key + "'", min, max);
  }

  String required(String key) {
    String text = values.get(key);
    if (text == null) {
      throw new MalformedDigestException(algorithm + " parameter '" + key + "' is missing");
    }
    return text;
  }
}
